/**
 * Who may call the API: the top-level frame of one of the app's own windows, showing the app's own
 * page. Not a subframe (subframes have reached ipcRenderer before, e.g. GHSA-mq8j-3h7h-p8g7, which
 * is why Electron's security guide asks every handler to check senderFrame), not any other
 * webContents, and not a frame that somehow ended up on another URL.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAllowedNavigation } from '../security';

export interface SenderPolicy {
  readonly isAppWindow: (contents: WebContents) => boolean;
  /** The URL of the app's page; the calling frame must be on it. */
  readonly appPageUrl: string;
}

export function createSenderCheck(policy: SenderPolicy): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || !policy.isAppWindow(event.sender)) return false;
    // Distinct WebFrameMain objects may stand for the same frame, so compare ids, not identity.
    const mainFrame = event.sender.mainFrame;
    const isMainFrame = frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId;
    return isMainFrame && isAllowedNavigation(policy.appPageUrl, frame.url);
  };
}

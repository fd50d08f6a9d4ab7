/**
 * Who may call the API: the main frame of an app window, showing the app's own page.
 * docs/ARCHITECTURE.md, "The API across the process boundary".
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

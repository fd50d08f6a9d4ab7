/**
 * The audience window's preload (least privilege, docs/security.md): a receive-only bridge — the
 * newest audience view and nothing to call.
 */
import { ipcRenderer as electronIpcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { apiVerbs, eventChannel } from '../../../core/api';
import { audienceView } from '../../../core/audience';
import { audienceWindowArgument, createAudienceBridge, type AudienceBridge } from '../../../electron/preload/bridge';
import { contextBridge, ipcRenderer } from '../fakes/electron';
import { sampleSession } from './main-services';

const view = audienceView(sampleSession(), {
  spotlightCardId: null,
  zoom: 'fit',
  boardView: 'lanes',
  scrolledTo: {},
  language: 'de',
  theme: 'light',
});

describe('the audience preload', () => {
  it('exposes window.nahtstelle with `on` alone in the window main marked as the audience window', async () => {
    // What webPreferences.additionalArguments does: the argument on the renderer's command line.
    process.argv.push(audienceWindowArgument);
    try {
      await import('../../../electron/preload/index');
    } finally {
      process.argv.splice(process.argv.indexOf(audienceWindowArgument), 1);
    }
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const exposed = contextBridge.exposed.get('nahtstelle') as Record<string, unknown>;
    expect(Object.keys(exposed)).toEqual(['on']);
    for (const verb of apiVerbs) expect(exposed).not.toHaveProperty(verb);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('createAudienceBridge', () => {
  it('delivers the newest view, also one that came before the page subscribed', () => {
    const bridge: AudienceBridge = createAudienceBridge(electronIpcRenderer);
    ipcRenderer.receive(eventChannel('audienceView'), { ...view, zoom: 1 });
    ipcRenderer.receive(eventChannel('audienceView'), view);
    const listener = vi.fn();
    const stop = bridge.on('audienceView', listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith(view);
    stop();
    ipcRenderer.receive(eventChannel('audienceView'), view);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('refuses every other event', () => {
    const bridge = createAudienceBridge(electronIpcRenderer) as unknown as { on(event: string, listener: () => void): () => void };
    for (const event of ['sessionOpened', 'openFailed', 'command', 'audienceWindow']) {
      expect(() => bridge.on(event, () => undefined)).toThrow(TypeError);
    }
  });
});

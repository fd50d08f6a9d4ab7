/**
 * The sandboxed preload (bundled as CommonJS): exposes the typed bridge as `window.nahtstelle` —
 * in the audience window (main marks it with `audienceWindowArgument`) a receive-only one.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { audienceWindowArgument, createAudienceBridge, createBridge } from './bridge';

/**
 * The path of a file dropped onto the page. Since Electron 32 only the preload can ask
 * (`File.path` is gone). Anything that is not a File, or a File with no path on disk (one the page
 * made itself), gives ''.
 */
function pathForFile(file: unknown): string {
  // A File from the page may be wrapped for this world; its tag says File in every world.
  const isFile = (typeof File !== 'undefined' && file instanceof File) || Object.prototype.toString.call(file) === '[object File]';
  if (!isFile) return '';
  try {
    const path = webUtils.getPathForFile(file as File);
    return typeof path === 'string' ? path : '';
  } catch {
    return '';
  }
}

// One file for both windows: a second preload entry would share a chunk, which a sandboxed preload cannot require.
const isAudienceWindow = process.argv.includes(audienceWindowArgument);
contextBridge.exposeInMainWorld('nahtstelle', isAudienceWindow ? createAudienceBridge(ipcRenderer) : createBridge(ipcRenderer, pathForFile));

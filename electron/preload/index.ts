/** The sandboxed preload (bundled as CommonJS): exposes the typed bridge as `window.nahtstelle`. */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('nahtstelle', createBridge(ipcRenderer));

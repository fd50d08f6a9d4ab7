/** The machine, as the preload (or the web test host's bridge) exposes it. docs/ARCHITECTURE.md, "The API across the process boundary". */
import type { NahtstelleBridge } from '../../core/api';

declare global {
  interface Window {
    readonly nahtstelle: NahtstelleBridge;
  }
}

/**
 * Outside a page, where main renders the first frame (first-frame.tsx), there is no machine to call:
 * a render that reached for it would be a bug, and fails that render loudly.
 */
const noMachine = new Proxy({} as NahtstelleBridge, {
  get(_target, name) {
    throw new Error(`api.${String(name)} was used while rendering the first frame`);
  },
});

export const api: NahtstelleBridge = typeof window === 'undefined' ? noMachine : window.nahtstelle;

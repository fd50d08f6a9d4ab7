/** The machine, as the preload (or the web test host's bridge) exposes it. docs/ARCHITECTURE.md, "The API across the process boundary". */
import type { NahtstelleBridge } from '../../core/api';

declare global {
  interface Window {
    readonly nahtstelle: NahtstelleBridge;
  }
}

export const api: NahtstelleBridge = window.nahtstelle;

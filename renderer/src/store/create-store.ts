/**
 * zustand's `create` for the renderer's stores, readable by the first frame's render on the server.
 * docs/ARCHITECTURE.md, "The first frame".
 */
import { useStore, type UseBoundStore } from 'zustand';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';

/** How each store goes back to its initial state, for the next first frame rendered in the same process. */
const resets: (() => void)[] = [];

/**
 * A store hook, as zustand's `create<T>()(init)` makes it, with one difference: a render on the
 * server reads the store's current state. zustand hands React the store's *initial* state as the
 * server snapshot, so the first frame (first-frame.tsx) would show an empty board. The page never
 * hydrates (main.tsx renders anew over the first frame), so in the browser nothing changes.
 */
export function create<T>() {
  return (init: StateCreator<T, [], []>): UseBoundStore<StoreApi<T>> => {
    const api = createStore<T>()(init);
    const serverReadable: StoreApi<T> = { ...api, getInitialState: api.getState };
    resets.push(() => api.setState(api.getInitialState(), true));
    const useBoundStore = <U>(selector: (state: T) => U) => useStore(serverReadable, selector);
    return Object.assign(useBoundStore, api) as UseBoundStore<StoreApi<T>>;
  };
}

/** Every store back to its initial state: what one first frame set must not reach the next. */
export function resetAllStores(): void {
  for (const reset of resets) reset();
}

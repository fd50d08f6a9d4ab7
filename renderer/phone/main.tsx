/** The phone app's entry: reads the room secret from the QR code's fragment, connects, mounts the screens. docs/ARCHITECTURE.md, "Phones in the room". */
import { render } from 'preact';
import { secretFromFragment } from '../../core/room-join';
import { roomSocketPath } from '../../core/room-protocol';
import { App } from './app';
import { PhoneClient } from './client';
import { readStored, type KeyValueStore } from './storage';
import './phone.css';

const secret = secretFromFragment(location.hash) ?? null;
// The secret leaves the address bar at once: no bookmark, screenshot or shared tab carries it on.
if (location.hash !== '') history.replaceState(null, '', location.pathname + location.search);

const store = openStore();
const client = new PhoneClient(
  {
    url: `ws://${location.host}${roomSocketPath}`,
    openSocket: (url) => new WebSocket(url),
    store,
    getRandomValues: (bytes) => crypto.getRandomValues(bytes),
    random: Math.random,
    now: Date.now,
    online: () => navigator.onLine,
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
  },
  secret,
);

let hiddenAt = 0;
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') hiddenAt = Date.now();
  // A phone that slept may hold a socket the room already closed: after a while away, connect anew.
  else client.wake(Date.now() - hiddenAt > 5_000);
});
window.addEventListener('online', () => client.wake(false));
window.addEventListener('offline', () => client.wentOffline());
window.addEventListener('pageshow', (event) => {
  if (event.persisted) client.wake(true);
});

/** localStorage, or a memory stand-in where the browser refuses it (blocked site data): the phone then works, only forgets on reload. */
function openStore(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    return {
      getItem: (key) => memory.get(key) ?? null,
      setItem: (key, value) => void memory.set(key, value),
      removeItem: (key) => void memory.delete(key),
    };
  }
}

const root = document.getElementById('app');
if (root) render(<App client={client} store={store} storedLanguage={readStored(store).language} />, root);
client.start();

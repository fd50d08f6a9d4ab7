/** A phone's message ids. docs/ARCHITECTURE.md, "Phones in the room". */

/**
 * 16 random bytes as hex. `crypto.getRandomValues` works on plain http; `randomUUID` does not
 * (it needs a secure context, which http://<room address> is not on iOS and Android).
 */
export function newMessageId(getRandomValues: (bytes: Uint8Array) => Uint8Array): string {
  return [...getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

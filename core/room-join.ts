/** How a phone finds the room: the 6-character join code, the room secret and the join URL. docs/ARCHITECTURE.md, "Phones in the room". */
import { ipv4Octets } from './network';

/**
 * The join code's characters. Read off a projector from the back of a room and typed on a phone, so
 * every character that looks like another is left out — both of each pair, since a reader cannot
 * tell which one was meant: 0/O, 1/I/L, 2/Z, 5/S, 8/B; also Q (reads as O at a distance) and G
 * (reads as 6 or C). 23 characters, 23⁶ ≈ 148 million codes; guessing is also limited per address
 * by the server, and the QR code carries the 128-bit room secret instead.
 */
export const joinCodeAlphabet = '34679ACDEFHJKMNPRTUVWXY';
export const joinCodeLength = 6;
/** How many random bytes `joinCodeFromBytes` takes: 48 bits, so every code is equally likely to within 10⁻⁶. */
export const joinCodeRandomBytes = 6;

/** Mistypes that can be mended: a character left out of the alphabet whose look-alike is in it. */
const mistypes: Readonly<Record<string, string>> = { G: '6' };
// Spaces, dashes of every width, dots and underscores people put between groups.
const separators = /[\s\-‐‑‒–—―_.·]/gu;

/** A join code made from random bytes (main passes `crypto.randomBytes(joinCodeRandomBytes)`; core stays pure). */
export function joinCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < joinCodeRandomBytes) throw new RangeError(`a join code needs ${joinCodeRandomBytes} random bytes`);
  // 48 bits fit a double exactly; 23⁶ / 2⁴⁸ < 10⁻⁶ is the most any code is favoured by the remainder.
  let value = 0;
  for (const byte of bytes.subarray(0, joinCodeRandomBytes)) value = value * 256 + byte;
  let code = '';
  for (let i = 0; i < joinCodeLength; i++) {
    code += joinCodeAlphabet[value % joinCodeAlphabet.length];
    value = Math.floor(value / joinCodeAlphabet.length);
  }
  return code;
}

/** How the code is shown: two groups of three, easier to read out and to type. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export type JoinCodeProblem = 'empty' | 'tooShort' | 'tooLong' | 'notInAlphabet';
export type JoinCodeReading =
  | { readonly ok: true; readonly code: string }
  | {
      readonly ok: false;
      readonly problem: JoinCodeProblem;
      /** The first character that can be no code's, for `notInAlphabet`. */ readonly character?: string;
    };

/**
 * What a participant typed, as a code: any case, with spaces or dashes, full-width characters from
 * an Asian keyboard, and G for 6. Never guesses between two characters of the alphabet.
 */
export function readJoinCode(input: string): JoinCodeReading {
  const cleaned = [...input.normalize('NFKC').toUpperCase().replace(separators, '')].map((character) => mistypes[character] ?? character);
  if (cleaned.length === 0) return { ok: false, problem: 'empty' };
  const stranger = cleaned.find((character) => !joinCodeAlphabet.includes(character));
  if (stranger !== undefined) return { ok: false, problem: 'notInAlphabet', character: stranger };
  if (cleaned.length < joinCodeLength) return { ok: false, problem: 'tooShort' };
  if (cleaned.length > joinCodeLength) return { ok: false, problem: 'tooLong' };
  return { ok: true, code: cleaned.join('') };
}

/** The room secret's size: 128 bits. */
export const roomSecretBytes = 16;
const base64url = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// 22 characters: 21 carry 6 bits each, the last the remaining 2 (so its low 4 bits are 0: A, Q, g or w).
const roomSecretPattern = /^[A-Za-z0-9_-]{21}[AQgw]$/;

/** The room secret in base64url without padding (22 characters), from 16 random bytes (main passes `crypto.randomBytes(roomSecretBytes)`). */
export function roomSecretFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== roomSecretBytes) throw new RangeError(`a room secret is ${roomSecretBytes} random bytes`);
  let text = '';
  let bits = 0;
  let pending = 0;
  for (const byte of bytes) {
    pending = (pending << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      text += base64url[(pending >> bits) & 63];
    }
    pending &= (1 << bits) - 1;
  }
  return bits > 0 ? text + base64url[(pending << (6 - bits)) & 63] : text;
}

/** A well-formed room secret, in its one canonical spelling (so comparing strings compares secrets). */
export function isRoomSecret(text: string): boolean {
  return roomSecretPattern.test(text);
}

/** The page the QR code opens. The server serves the phone app here; the secret never reaches it. */
export const joinPath = '/j';

/** The address participants type: `http://192.168.1.23:51234` (plain http — see docs/security.md). */
export function roomOrigin(address: string, port: number): string {
  const octets = ipv4Octets(address);
  if (!octets || octets.join('.') !== address) throw new RangeError(`not an IPv4 address: ${address}`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`not a port: ${port}`);
  return `http://${address}:${port}`;
}

/**
 * The URL in the QR code: `http://<address>:<port>/j#k=<secret>`. The secret is in the fragment only,
 * which a browser never sends: it appears in no request line, proxy or server log.
 */
export function joinUrl(address: string, port: number, secret: string): string {
  if (!isRoomSecret(secret)) throw new RangeError('not a room secret');
  return `${roomOrigin(address, port)}${joinPath}#k=${secret}`;
}

/** The room secret from the join page's fragment (`location.hash`, with or without `#`), or undefined. */
export function secretFromFragment(fragment: string): string | undefined {
  const secret = fragment
    .replace(/^#/, '')
    .split('&')
    .find((part) => part.startsWith('k='))
    ?.slice(2);
  return secret !== undefined && isRoomSecret(secret) ? secret : undefined;
}

/** The join code, the room secret and the join URL (core/room-join.ts). docs/ARCHITECTURE.md, "Phones in the room". */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatJoinCode,
  isRoomSecret,
  joinCodeAlphabet,
  joinCodeFromBytes,
  joinCodeLength,
  joinCodeRandomBytes,
  joinUrl,
  readJoinCode,
  roomOrigin,
  roomSecretBytes,
  roomSecretFromBytes,
  secretFromFragment,
} from '../../../core/room-join';

const codeBytes = fc.uint8Array({ minLength: joinCodeRandomBytes, maxLength: joinCodeRandomBytes });
const secretBytes = fc.uint8Array({ minLength: roomSecretBytes, maxLength: roomSecretBytes });
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = fc.tuple(octet, octet, octet, octet).map((parts) => parts.join('.'));
const port = fc.integer({ min: 1, max: 65535 });

describe('the join code (core/room-join.ts)', () => {
  it('leaves out every character that looks like another', () => {
    for (const lookAlike of '0O1IL2Z5S8BQG') expect(joinCodeAlphabet).not.toContain(lookAlike);
    expect(new Set(joinCodeAlphabet).size).toBe(joinCodeAlphabet.length);
    expect(joinCodeAlphabet).toMatch(/^[0-9A-Z]+$/);
  });

  it('is six characters of the alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(codeBytes, (bytes) => {
        const code = joinCodeFromBytes(bytes);
        expect(code).toHaveLength(joinCodeLength);
        for (const character of code) expect(joinCodeAlphabet).toContain(character);
      }),
    );
  });

  it('reads back every code as shown, and as people type it (lower case, spaces, dashes, full width)', () => {
    const typing = fc.constantFrom(
      (code: string) => formatJoinCode(code),
      (code: string) => code.toLowerCase(),
      (code: string) => ` ${code.slice(0, 3)}-${code.slice(3)} `,
      (code: string) => code.split('').join(' '),
      (code: string) => `${code.slice(0, 3)}–${code.slice(3)}`,
      (code: string) => [...code].map((character) => String.fromCodePoint(character.charCodeAt(0) + 0xfee0)).join(''),
    );
    fc.assert(
      fc.property(codeBytes, typing, (bytes, type) => {
        const code = joinCodeFromBytes(bytes);
        expect(readJoinCode(type(code))).toEqual({ ok: true, code });
      }),
    );
  });

  it('mends G for 6, and only where the alphabet has the look-alike', () => {
    expect(readJoinCode('g4k-7mx')).toEqual({ ok: true, code: '64K7MX' });
    expect(readJoinCode('O4K7MX')).toEqual({ ok: false, problem: 'notInAlphabet', character: 'O' });
    expect(readJoinCode('04K7MX')).toEqual({ ok: false, problem: 'notInAlphabet', character: '0' });
    expect(readJoinCode('A4K7M1')).toEqual({ ok: false, problem: 'notInAlphabet', character: '1' });
  });

  it('says what is wrong with what was typed', () => {
    expect(readJoinCode(' - ')).toEqual({ ok: false, problem: 'empty' });
    expect(readJoinCode('A4K')).toEqual({ ok: false, problem: 'tooShort' });
    expect(readJoinCode('A4K 7MX 9')).toEqual({ ok: false, problem: 'tooLong' });
    expect(readJoinCode('A4K7M?')).toEqual({ ok: false, problem: 'notInAlphabet', character: '?' });
  });

  it('never reads anything as a code that has a character outside the alphabet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), (input) => {
        const reading = readJoinCode(input);
        if (reading.ok) for (const character of reading.code) expect(joinCodeAlphabet).toContain(character);
      }),
    );
  });

  it('reaches every character in every position (no character favoured by the bytes)', () => {
    const codes = Array.from({ length: 2000 }, () => joinCodeFromBytes(randomBytes(joinCodeRandomBytes)));
    for (let at = 0; at < joinCodeLength; at++) expect(new Set(codes.map((code) => code[at])).size).toBe(joinCodeAlphabet.length);
  });

  it('refuses too few random bytes', () => {
    expect(() => joinCodeFromBytes(new Uint8Array(5))).toThrow(RangeError);
  });
});

describe('the room secret and the join URL (core/room-join.ts)', () => {
  it('is 128 bits in base64url: 22 characters, the same as Node’s own encoding', () => {
    fc.assert(
      fc.property(secretBytes, (bytes) => {
        const secret = roomSecretFromBytes(bytes);
        expect(secret).toBe(Buffer.from(bytes).toString('base64url'));
        expect(secret).toHaveLength(22);
        expect(isRoomSecret(secret)).toBe(true);
      }),
    );
    expect(() => roomSecretFromBytes(new Uint8Array(15))).toThrow(RangeError);
  });

  it('accepts only the canonical spelling of a secret', () => {
    const secret = roomSecretFromBytes(new Uint8Array(16).fill(255));
    expect(secret).toBe('_____________________w');
    expect(isRoomSecret('______________________')).toBe(false); // low bits set: another spelling of some secret
    expect(isRoomSecret(`${secret}=`)).toBe(false);
    expect(isRoomSecret(secret.slice(1))).toBe(false);
    expect(isRoomSecret(secret.replace('_', '/'))).toBe(false);
  });

  it('carries the secret only in the fragment, which no browser sends', () => {
    fc.assert(
      fc.property(ipv4, port, secretBytes, (address, portNumber, bytes) => {
        const secret = roomSecretFromBytes(bytes);
        const url = new URL(joinUrl(address, portNumber, secret));
        expect(url.protocol).toBe('http:');
        expect(url.host).toBe(`${address}:${portNumber}`.replace(/:80$/, ''));
        // What a browser puts into the request line and the Host header.
        expect(`${url.host} ${url.pathname}${url.search}`).not.toContain(secret);
        expect(url.pathname).toBe('/j');
        expect(url.search).toBe('');
        expect(url.username + url.password).toBe('');
        expect(url.hash).toBe(`#k=${secret}`);
        expect(secretFromFragment(url.hash)).toBe(secret);
      }),
    );
  });

  it('reads the secret back from the phone’s fragment, and nothing else as a secret', () => {
    const secret = roomSecretFromBytes(new Uint8Array(16).map((_, i) => i * 17));
    expect(secretFromFragment(`#k=${secret}`)).toBe(secret);
    expect(secretFromFragment(`k=${secret}`)).toBe(secret);
    expect(secretFromFragment(`#lang=de&k=${secret}`)).toBe(secret);
    for (const bad of ['', '#', '#k=', `#k=${secret}x`, `#k=${secret.slice(0, -1)}`, `#key=${secret}`, `#k=${secret.replace(/./, '%')}`]) {
      expect(secretFromFragment(bad)).toBeUndefined();
    }
  });

  it('builds the typed address and refuses what is no IPv4 address, port or secret', () => {
    const secret = roomSecretFromBytes(new Uint8Array(16));
    expect(roomOrigin('192.168.1.23', 51234)).toBe('http://192.168.1.23:51234');
    expect(joinUrl('192.168.1.23', 51234, secret)).toBe(`http://192.168.1.23:51234/j#k=${secret}`);
    for (const address of ['192.168.1', '192.168.1.256', '192.168.01.2', 'localhost', 'fe80::1', '1.2.3.4/j#k=x']) {
      expect(() => roomOrigin(address, 80)).toThrow(RangeError);
    }
    for (const portNumber of [0, 65536, 80.5, Number.NaN]) expect(() => roomOrigin('10.0.0.1', portNumber)).toThrow(RangeError);
    expect(() => joinUrl('10.0.0.1', 8080, 'secret')).toThrow(RangeError);
  });
});

/** The join URL's QR code (core/qr.ts), read back with an independent decoder. docs/ARCHITECTURE.md, "Phones in the room". */
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrCode, qrMinimumModulePixels, qrQuietZone } from '../../../core/qr';
import { joinUrl, roomSecretBytes, roomSecretFromBytes } from '../../../core/room-join';

/** Paints the markup's rectangles into RGBA pixels, the way a browser fills the path (Chromium does so in test/e2e/qr.test.ts). */
function rasterise(svg: string, pixelsPerModule: number): { data: Uint8ClampedArray; size: number } {
  const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const size = modules * pixelsPerModule;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const path = /<path fill="#000" d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  for (const [, x, y, width] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let row = Number(y) * pixelsPerModule; row < (Number(y) + 1) * pixelsPerModule; row++) {
      for (let column = Number(x) * pixelsPerModule; column < (Number(x) + Number(width)) * pixelsPerModule; column++) {
        data.fill(0, (row * size + column) * 4, (row * size + column) * 4 + 3);
      }
    }
  }
  return { data, size };
}

function decode(svg: string, pixelsPerModule: number): string | undefined {
  const { data, size } = rasterise(svg, pixelsPerModule);
  return jsQR(data, size, size, { inversionAttempts: 'dontInvert' })?.data;
}

const octet = fc.integer({ min: 0, max: 255 });
const joinUrls = fc
  .tuple(
    fc.tuple(octet, octet, octet, octet),
    fc.integer({ min: 1, max: 65535 }),
    fc.uint8Array({ minLength: roomSecretBytes, maxLength: roomSecretBytes }),
  )
  .map(([address, port, bytes]) => joinUrl(address.join('.'), port, roomSecretFromBytes(bytes)));

describe('the QR code of the join URL (core/qr.ts)', () => {
  it('reads back as the join URL, for any address, port and secret', () => {
    fc.assert(
      fc.property(joinUrls, (url) => {
        const code = qrCode(url, 'QR');
        expect(decode(code.svg, qrMinimumModulePixels)).toBe(url);
        expect(code.version).toBeLessThanOrEqual(4);
      }),
      { numRuns: 40 },
    );
  });

  it('reads back at every module size from the smallest allowed up', () => {
    const url = joinUrl('255.255.255.255', 65535, roomSecretFromBytes(new Uint8Array(16).fill(255)));
    const code = qrCode(url, 'QR');
    for (const pixels of [qrMinimumModulePixels, 5, 8, 16]) expect(decode(code.svg, pixels)).toBe(url);
    expect(code.modules).toBe(33 + 2 * qrQuietZone);
  });

  it('is plain SVG: no style, script, event handler or external reference (the CSP allows none inline)', () => {
    const { svg } = qrCode(joinUrl('10.0.0.2', 8080, roomSecretFromBytes(new Uint8Array(16))), 'QR code: <join> & "scan"', 8);
    const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    if (!root) throw new Error('not XML');
    const elements = [root, ...Array.from(root.getElementsByTagName('*'))];
    expect(elements.map((element) => element.tagName)).toEqual(['svg', 'rect', 'path']);
    const attributes = elements.flatMap((element) => Array.from(element.attributes).map((attribute) => attribute.name));
    expect(new Set(attributes)).toEqual(new Set(['xmlns', 'viewBox', 'width', 'height', 'shape-rendering', 'role', 'aria-label', 'fill', 'd']));
    expect(root.getAttribute('aria-label')).toBe('QR code: <join> & "scan"');
    expect(root.getAttribute('width')).toBe(String(41 * 8));
  });

  it('draws the same modules in its path data as in its markup, for a component that draws its own svg', () => {
    const code = qrCode('http://192.168.1.23:51234/j#k=AAAAAAAAAAAAAAAAAAAAAA', 'QR');
    expect(code.svg).toContain(`d="${code.path}"`);
    // Without a module size the page's stylesheet sizes it.
    expect(code.svg.slice(0, code.svg.indexOf('>'))).not.toContain('width');
  });
});

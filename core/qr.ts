/** The join URL as a QR code in SVG, safe under the app's CSP. docs/ARCHITECTURE.md, "Phones in the room". */
import { encode } from 'uqr';

/** The light border a scanner needs around the code: 4 modules, as the QR standard asks. */
export const qrQuietZone = 4;

/**
 * The smallest module, in device pixels, to draw the code with: a phone still reads it at 4 (tested
 * down to there). On the projector the code should be far larger — a module of 16 px or more on a
 * 1080p image, i.e. the code about 60 % of the screen's height: on a 2.5 m wide screen an 85 cm
 * code, which a phone reads from about 8 m (docs/ARCHITECTURE.md).
 */
export const qrMinimumModulePixels = 4;

export interface QrCode {
  /** `<svg>` markup: a white square and one black path, no `style`, script or external reference. */
  readonly svg: string;
  /** The dark modules as path data in module units, for a component that draws its own `<svg>`. */
  readonly path: string;
  /** Width and height in modules, quiet zone included (the `viewBox` is `0 0 modules modules`). */
  readonly modules: number;
  /** The QR version (1–40): 4 for any join URL (at most 55 characters). */
  readonly version: number;
}

const attributeEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `text` as a QR code. Error correction at least M (15 % of the modules may be unreadable — glare,
 * a keystoned projector), raised as far as the size allows. Always black on white, whatever the
 * theme: many scanners do not read an inverted code.
 *
 * `label` becomes the image's accessible name. `pixelsPerModule`, when given, sets `width` and
 * `height` (a whole number keeps the modules' edges sharp); otherwise the page's stylesheet sizes it.
 */
export function qrCode(text: string, label: string, pixelsPerModule?: number): QrCode {
  const { data, version } = encode(text, { ecc: 'M', boostEcc: true, border: 0 });
  const modules = data.length + 2 * qrQuietZone;
  // One rectangle per horizontal run of dark modules: a tenth of the markup of one square each.
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += `M${start + qrQuietZone} ${y + qrQuietZone}h${x + 1 - start}v1h-${x + 1 - start}z`;
    }
  });
  const size = pixelsPerModule === undefined ? '' : ` width="${modules * pixelsPerModule}" height="${modules * pixelsPerModule}"`;
  const name = label.replace(/[&<>"']/g, (character) => attributeEscapes[character] ?? character);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${modules} ${modules}"${size} shape-rendering="crispEdges" role="img" aria-label="${name}">` +
    `<rect width="${modules}" height="${modules}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
  return { svg, path, modules, version };
}

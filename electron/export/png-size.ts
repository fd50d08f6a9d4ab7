/**
 * The pixel size of a PNG, read from its header (IHDR), so Word and PowerPoint get the board
 * picture at its own aspect ratio. docs/summaries.md, "The formats".
 */
export interface PixelSize {
  readonly width: number;
  readonly height: number;
}

export function pngSize(png: Uint8Array): PixelSize {
  // Signature (8 bytes), chunk length (4), "IHDR" (4), then width and height as big-endian 32-bit.
  if (png.length < 24 || png[12] !== 0x49 || png[13] !== 0x48 || png[14] !== 0x44 || png[15] !== 0x52) throw new Error('Not a PNG picture');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The size that fits `box` keeping the picture's aspect ratio (never larger than the picture itself would need to be). */
export function fitInto(size: PixelSize, box: PixelSize): PixelSize {
  const scale = Math.min(box.width / size.width, box.height / size.height);
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) };
}

/** A QR code drawn as SVG from core/qr.ts: attributes only, no inline style, so the CSP holds. docs/ARCHITECTURE.md, "Phones in the room". */
import { useMemo } from 'react';
import { qrCode } from '../../../core/qr';

/**
 * `text` as a QR code, black on white in every theme. `pixelsPerModule` (a whole number keeps the
 * modules' edges sharp) sets its size; without it the stylesheet sizes it through `className`.
 */
export function QrCode({ text, label, pixelsPerModule, className }: { text: string; label: string; pixelsPerModule?: number; className?: string }) {
  const { path, modules } = useMemo(() => qrCode(text, label), [text, label]);
  const size = pixelsPerModule === undefined ? undefined : modules * pixelsPerModule;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      className={className}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path fill="#000" d={path} />
    </svg>
  );
}

/** Whole pixels a module so that the code takes about `share` of a screen `height` pixels high, never below the readable floor. */
export function modulePixelsFor(height: number, modules: number, share = 0.6, floor = 4): number {
  return Math.max(floor, Math.round((height * share) / modules));
}

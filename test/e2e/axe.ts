/**
 * Accessibility checks for E2E tests: axe-core's findings, and our own measurement of text
 * contrast against the background each text actually sits on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** What to check: a part of the page (CSS selector) and axe's run options, e.g. one rule only. */
export interface AxeCheck {
  readonly include?: string;
  /** axe.run options: `{ runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } }` runs that rule alone. */
  readonly options?: Record<string, unknown>;
}

/**
 * axe-core's serious and critical findings on the page as it is now, one line each. The page
 * needs `bypassCSP` (the checker is injected as a script).
 */
export async function seriousViolations(page: Page, check: AxeCheck = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async ({ include, options }) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(include ? { include: [[include]] } : document, options ?? {})).violations;
  }, check);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** axe's AAA text contrast rule (7:1, 4.5:1 for large text), off in a default run. */
export const enhancedContrastOnly = { runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } } as const;

export interface TextContrast {
  readonly text: string;
  readonly ratio: number;
  readonly colour: string;
  readonly background: string;
}

/**
 * The contrast ratio of every visible text inside `selector` against its effective background:
 * the first ancestor (or itself) with a non-transparent background colour, the page's otherwise.
 * Transparent text and ancestors' opacity are blended in. Background images are not looked at —
 * a surface with one must have a background colour its text can be read on. Disabled controls are
 * left out unless asked for, as WCAG exempts them.
 */
export async function textContrasts(page: Page, selector: string, { includeDisabled = false } = {}): Promise<TextContrast[]> {
  return page.evaluate(
    ({ within, includeDisabled }) => {
      type Rgba = [number, number, number, number];
      const canvas = document.createElement('canvas').getContext('2d');
      if (!canvas) throw new Error('No canvas');
      /** Any CSS colour (rgb, oklch, color-mix …) as sRGB bytes and alpha, via the canvas. */
      const rgba = (colour: string): Rgba => {
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = '#000';
        canvas.fillStyle = colour;
        canvas.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, b = 0, a = 0] = canvas.getImageData(0, 0, 1, 1).data;
        return [r, g, b, a / 255];
      };
      const over = (top: Rgba, bottom: Rgba): Rgba => {
        const a = top[3];
        return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
      };
      const luminance = ([r, g, b]: Rgba) => {
        const lin = (v: number) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      };
      const pageBackground = (): Rgba => {
        const body = rgba(getComputedStyle(document.body).backgroundColor);
        return body[3] > 0
          ? over(body, [255, 255, 255, 1])
          : over(rgba(getComputedStyle(document.documentElement).backgroundColor), [255, 255, 255, 1]);
      };
      /** The background behind an element: layers of translucent backgrounds down to the first opaque one. */
      const backgroundOf = (element: Element): Rgba => {
        const layers: Rgba[] = [];
        for (let at: Element | null = element; at; at = at.parentElement) {
          const colour = rgba(getComputedStyle(at).backgroundColor);
          if (colour[3] > 0) layers.push(colour);
          if (colour[3] >= 1) break;
        }
        let result = layers.at(-1)?.[3] === 1 ? (layers.pop() as Rgba) : pageBackground();
        for (const layer of layers.reverse()) result = over(layer, result);
        return result;
      };
      const opacityOf = (element: Element): number => {
        let opacity = 1;
        for (let at: Element | null = element; at; at = at.parentElement) opacity *= Number(getComputedStyle(at).opacity);
        return opacity;
      };
      const hex = (c: Rgba) =>
        `#${c
          .slice(0, 3)
          .map((v) => Math.round(v).toString(16).padStart(2, '0'))
          .join('')}`;

      const results: { text: string; ratio: number; colour: string; background: string }[] = [];
      for (const root of document.querySelectorAll(within)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          const element = node.parentElement;
          if (!text || !element || !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
          if (!includeDisabled && element.closest(':disabled, [aria-disabled="true"]')) continue;
          const background = backgroundOf(element);
          const colour = rgba(getComputedStyle(element).color);
          const seen = over([colour[0], colour[1], colour[2], colour[3] * opacityOf(element)], background);
          const [light, dark] = [luminance(seen), luminance(background)].sort((a, b) => b - a) as [number, number];
          results.push({ text, ratio: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100, colour: hex(seen), background: hex(background) });
        }
      }
      return results;
    },
    { within: selector, includeDisabled },
  );
}

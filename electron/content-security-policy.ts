/**
 * The one Content Security Policy: a header from `app:` and the web test host, the meta tag of renderer/index.html.
 * docs/security.md, "The checklist: 20 of 20 enforced, 20 of 20 tested" (#7).
 */
import { createHash } from 'node:crypto';

/** The policy of every page the renderer is built from, before the build puts its style sheet into the page. */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

/** The source that lets exactly this inline style sheet through, and no other. */
export function styleSheetSource(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The text of each `<style>` element of a built page (the build writes them without attributes). */
export function inlineStyleSheets(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');
}

/**
 * The policy for one of the renderer's built pages: {@link contentSecurityPolicy}, with each style
 * sheet the build put into the page allowed by its hash. Nothing else inline is allowed: no other
 * style element, no style attribute, no script. Taken from the file as built, never from a page
 * that has the first frame in it (docs/performance.md, "Issue #18", point 12).
 */
export function pagePolicy(builtPage: string): string {
  const sources = inlineStyleSheets(builtPage).map(styleSheetSource);
  if (sources.length === 0) return contentSecurityPolicy;
  return contentSecurityPolicy.replace("style-src 'self'", `style-src 'self' ${sources.join(' ')}`);
}

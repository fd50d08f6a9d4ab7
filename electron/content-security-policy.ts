/**
 * The page's Content Security Policy: only the app's own files, no eval, no inline script or
 * style, no remote origin. renderer/index.html carries the same string in its meta tag (a unit
 * test keeps the two equal); the web test host sends it as a header. No `electron` import, so the
 * web test host can use it.
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

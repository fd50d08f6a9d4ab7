/**
 * The one Content Security Policy: a header from `app:` and the web test host, the meta tag of renderer/index.html.
 * docs/security.md, "The checklist: 20 of 20 enforced, 20 of 20 tested" (#7).
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

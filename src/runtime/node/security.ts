/**
 * Security headers of the production server. The CSP fits the thin client: one external script from
 * our origin, the live socket to our origin, style attributes set by patches.
 */

/** Content-Security-Policy for pages served by `startServer`. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Components set `style` attributes and patches update them.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' covers ws:/wss: to the same host (CSP level 3).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the production server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

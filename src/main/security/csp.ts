/**
 * The renderer's Content-Security-Policy. It has no network of its own: everything it shows comes from
 * our own origin (the app:// protocol, or the harness origin), and images may be data URLs handed over by main.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

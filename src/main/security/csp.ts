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

/**
 * The same policy for `npm run dev` (Vite's dev server with hot reload). Vite's React refresh preamble is an
 * inline script, so instead of loosening the policy with 'unsafe-inline', Vite stamps this run's random nonce
 * on the scripts and styles it writes (html.cspNonce) and only those may run.
 */
export function devRendererCsp(nonce: string): string {
  const allow = `'nonce-${nonce}'`;
  return RENDERER_CSP.replace("script-src 'self'", `script-src 'self' ${allow}`).replace(
    "style-src 'self'",
    `style-src 'self' ${allow}`,
  );
}

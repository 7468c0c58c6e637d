/** The renderer's origin in the packaged app: a custom scheme, never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * scheme://host[:port] of a URL. WHATWG gives custom schemes the opaque origin "null", so it is built by
 * hand; that would otherwise make every app:// URL equal to every other opaque origin.
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host ? `${url.protocol}//${url.host}` : null;
  } catch {
    return null;
  }
}

/** Is `raw` a URL inside one of the trusted origins? (Used for navigation and for IPC senders.) */
export function isTrustedOrigin(raw: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(raw);
  return origin !== null && trustedOrigins.includes(origin);
}

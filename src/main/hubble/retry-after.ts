/**
 * How long a `Retry-After` header asks us to wait, in ms: delta-seconds (`120`) or an HTTP date. Null when
 * absent or unreadable, so the caller falls back to its own backoff; a date in the past means "now".
 */
export function retryAfterMs(header: string | string[] | undefined, now: number): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** A bearer token and when this console stops trusting it. */
export interface CachedToken {
  readonly value: string;
  readonly expiresAt: number;
}

/** The result of one login; `detail` is whatever the client wants back about the attempt (its call record). */
export type LoginAttempt<D> =
  { ok: true; token: string; expiresInSecs: number | null; issuedAt: number; detail: D } | { ok: false; detail: D };

/** When Hubble gives no usable lifetime (V1's placeholder string), the token is trusted this long. */
export const UNKNOWN_LIFETIME_SECS = 300;

/**
 * Stop using a token shortly before Hubble expires it (10% of its life, at most a minute), so a call never
 * races the expiry; the 401 → re-login path covers clocks that still disagree.
 */
export function expiryOf(issuedAt: number, expiresInSecs: number | null): number {
  const lifetime = expiresInSecs ?? UNKNOWN_LIFETIME_SECS;
  const margin = Math.min(60, lifetime * 0.1);
  return issuedAt + (lifetime - margin) * 1000;
}

/**
 * Caches the token until shortly before it expires and lets at most one login be in flight: concurrent
 * callers that find no valid token all wait for the same login.
 */
export class TokenCache<D> {
  readonly #login: () => Promise<LoginAttempt<D>>;
  readonly #now: () => number;
  #token: CachedToken | null = null;
  #inflight: Promise<LoginAttempt<D>> | null = null;

  constructor(login: () => Promise<LoginAttempt<D>>, now: () => number) {
    this.#login = login;
    this.#now = now;
  }

  async get(): Promise<{ ok: true; token: string } | { ok: false; detail: D }> {
    const cached = this.#token;
    if (cached && this.#now() < cached.expiresAt) return { ok: true, token: cached.value };
    const attempt = await this.refresh();
    return attempt.ok ? { ok: true, token: attempt.token } : { ok: false, detail: attempt.detail };
  }

  /** A login now, unless one is already in flight (then its result is shared). */
  refresh(): Promise<LoginAttempt<D>> {
    if (!this.#inflight) {
      this.#inflight = this.#login()
        .then((attempt) => {
          this.#token = attempt.ok
            ? { value: attempt.token, expiresAt: expiryOf(attempt.issuedAt, attempt.expiresInSecs) }
            : null;
          return attempt;
        })
        .finally(() => {
          this.#inflight = null;
        });
    }
    return this.#inflight;
  }

  /** Forget a token Hubble rejected (401), unless a newer one already replaced it. */
  invalidate(value: string): void {
    if (this.#token?.value === value) this.#token = null;
  }

  clear(): void {
    this.#token = null;
  }
}

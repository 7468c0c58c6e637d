export interface BackoffPolicy {
  /** retries after the first attempt (GETs only) */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** first wait after RATE_LIMIT_EXCEEDED without Retry-After: a limit needs longer than a blip */
  readonly rateLimitBaseDelayMs: number;
  /** a Retry-After longer than this is not waited out inside a call: the failure is reported instead */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  maxRetries: 2,
  baseDelayMs: 200,
  maxDelayMs: 3_000,
  rateLimitBaseDelayMs: 1_000,
  maxRetryAfterMs: 10_000,
};

/**
 * Exponential backoff with "equal jitter": half the exponential delay is kept, half is random, so a
 * burst of failing GETs from several windows does not retry in lock-step.
 */
export function backoffDelay(
  retry: number,
  policy: Pick<BackoffPolicy, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return exponential / 2 + (exponential / 2) * random();
}

/**
 * The wait before retrying a GET that Hubble rate-limited: what Retry-After asks for when it says, else the
 * backoff above from a longer base. Null: the wait is too long to hold the call open, report it instead.
 */
export function rateLimitDelay(
  retry: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | null {
  if (retryAfterMs !== null) return retryAfterMs <= policy.maxRetryAfterMs ? retryAfterMs : null;
  const base = policy.rateLimitBaseDelayMs;
  return backoffDelay(retry, { baseDelayMs: base, maxDelayMs: Math.max(policy.maxDelayMs, base) }, random);
}

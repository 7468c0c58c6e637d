export interface BackoffPolicy {
  /** retries after the first attempt (GETs only) */
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 3_000 };

/**
 * Exponential backoff with "equal jitter": half the exponential delay is kept, half is random, so a
 * burst of failing GETs from several windows does not retry in lock-step.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return exponential / 2 + (exponential / 2) * random();
}

import type { HubbleFailure } from '../../shared/hubble/failure.ts';

/** What a caller learns about the HTTP side of one client call (all attempts, retries and re-login included). */
export interface CallMeta {
  /** the X-REQUEST-ID of the attempt that produced this result */
  readonly requestId: string;
  /** every X-REQUEST-ID sent for this call, in order (retries get fresh ones) */
  readonly requestIds: readonly string[];
  readonly attempts: number;
  readonly httpStatus: number | null;
  /** latency of the final attempt */
  readonly latencyMs: number;
  /** wall time of the whole call, backoff and any login included */
  readonly totalMs: number;
}

/**
 * `unknown` means Hubble may or may not have acted (a place-order whose answer was lost): resolve by
 * referenceId, never resend blindly.
 */
export type HubbleResult<T> =
  | { readonly outcome: 'ok'; readonly value: T; readonly call: CallMeta }
  | { readonly outcome: 'failed' | 'unknown'; readonly failure: HubbleFailure; readonly call: CallMeta };

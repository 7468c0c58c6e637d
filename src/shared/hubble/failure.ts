import { z } from 'zod';

/**
 * The one taxonomy of Hubble failures the whole console shares (main services, IPC, every page).
 * Rate limits are business errors in Hubble's body (E400), not HTTP 429, but get their own kind because
 * operators act on them differently.
 */
export const failureKindSchema = z.enum([
  'business',
  'rate-limit',
  'auth',
  'whitelisting',
  'not-found',
  'server',
  'timeout',
  'network',
  'invalid-response',
]);
export type FailureKind = z.infer<typeof failureKindSchema>;

export const timeoutPhaseSchema = z.enum(['connect', 'headers', 'body']);
export type TimeoutPhase = z.infer<typeof timeoutPhaseSchema>;

export const hubbleFailureSchema = z.object({
  kind: failureKindSchema,
  /** the X-REQUEST-ID this console sent; what Hubble support asks for */
  requestId: z.string(),
  method: z.string(),
  path: z.string(),
  httpStatus: z.number().int().nullable(),
  /** Hubble's error id (E100…), kept as it came even when the console does not know it */
  errorId: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** Hubble's own message, when it sent one */
  hubbleMessage: z.string().nullable(),
  /** `requestId` from Hubble's error body, when it differs from ours or we could not tell */
  serverRequestId: z.string().nullable(),
  title: z.string(),
  explanation: z.string(),
  nextStep: z.string(),
  /** a GET that failed this way may succeed if tried again */
  transient: z.boolean(),
  timeoutPhase: timeoutPhaseSchema.nullable(),
  /** technical detail for the support bundle (undici error code, schema problem); never a secret */
  detail: z.string().nullable(),
});
export type HubbleFailure = z.infer<typeof hubbleFailureSchema>;

/**
 * What a call came to. `unknown` is distinct on purpose: a place-order that timed out or got a 5xx may
 * have created the order, so it must be resolved by referenceId, never resent blindly.
 */
export const callOutcomeSchema = z.enum(['ok', 'failed', 'unknown']);
export type CallOutcomeKind = z.infer<typeof callOutcomeSchema>;

import type { CallOutcomeKind, HubbleFailure } from '../../shared/hubble/failure.ts';
import type { HubbleConnection } from './connection.ts';

/**
 * One HTTP attempt as the client saw it, before redaction. The recorder redacts and stores it off the
 * request path; `sensitive` lists exact values (client secret, tokens) to strip wherever they appear.
 */
export interface CallRecord {
  readonly at: number;
  readonly profileId: string;
  readonly environment: HubbleConnection['environment'];
  readonly baseUrl: string;
  readonly method: string;
  readonly path: string;
  /** the route template, e.g. `GET /v1/partners/orders/:orderId` */
  readonly endpoint: string;
  readonly httpStatus: number | null;
  readonly outcome: CallOutcomeKind;
  readonly failure: HubbleFailure | null;
  readonly latencyMs: number;
  readonly requestId: string;
  readonly serverRequestId: string | null;
  readonly attempt: number;
  readonly requestBody: unknown;
  /** the parsed JSON when the answer was JSON, else the raw text */
  readonly responseJson: unknown;
  readonly responseText: string | null;
  readonly orderId: string | null;
  readonly referenceId: string | null;
  readonly orderStatus: string | null;
  readonly amount: number | null;
  readonly sensitive: readonly string[];
}

export interface CallRecorder {
  record(call: CallRecord): void;
}

export const discardCalls: CallRecorder = { record() {} };

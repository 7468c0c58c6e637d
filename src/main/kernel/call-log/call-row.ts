import { redactText, type RedactionContext } from '../../../shared/hubble/redact.ts';
import type { CallRecord } from '../../hubble/call-recorder.ts';
import { redactBody } from './stored-body.ts';

export { MAX_STORED_BODY_CHARS, redactBody } from './stored-body.ts';

/** One api_calls row, exactly as written (bodies redacted, then truncated). */
export interface CallRow {
  at: number;
  profile_id: string;
  environment: string;
  base_url: string;
  method: string;
  path: string;
  endpoint: string;
  http_status: number | null;
  outcome: string;
  error_kind: string | null;
  error_id: string | null;
  error_code: string | null;
  latency_ms: number;
  request_id: string;
  server_request_id: string | null;
  attempt: number;
  order_id: string | null;
  reference_id: string | null;
  order_status: string | null;
  amount: number | null;
  request_body: string | null;
  response_body: string | null;
  failure: string | null;
}

/** Redacts every free-text field of a failure; explanations are ours, Hubble's message and detail are not. */
function redactFailure(record: CallRecord, context: RedactionContext): string | null {
  const failure = record.failure;
  if (!failure) return null;
  return JSON.stringify({
    ...failure,
    hubbleMessage: failure.hubbleMessage === null ? null : redactText(failure.hubbleMessage, context),
    detail: failure.detail === null ? null : redactText(failure.detail, context),
  });
}

export function toCallRow(record: CallRecord, extraSecrets: readonly string[] = []): CallRow {
  const context: RedactionContext = { secrets: [...record.sensitive, ...extraSecrets] };
  return {
    at: record.at,
    profile_id: record.profileId,
    environment: record.environment,
    base_url: record.baseUrl,
    method: record.method,
    path: redactText(record.path, context, false),
    endpoint: record.endpoint,
    http_status: record.httpStatus,
    outcome: record.outcome,
    error_kind: record.failure?.kind ?? null,
    error_id: record.failure?.errorId ?? null,
    error_code: record.failure?.errorCode ?? null,
    latency_ms: record.latencyMs,
    request_id: record.requestId,
    server_request_id: record.serverRequestId,
    attempt: record.attempt,
    order_id: record.orderId,
    reference_id: record.referenceId,
    order_status: record.orderStatus,
    amount: record.amount,
    request_body:
      record.requestBody === undefined || record.requestBody === null
        ? null
        : redactBody(record.requestBody, null, context),
    response_body: redactBody(record.responseJson, record.responseText, context),
    failure: redactFailure(record, context),
  };
}

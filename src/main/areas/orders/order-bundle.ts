import type Database from 'better-sqlite3';
import type { OrderBundle, OrderDetail } from '../../../shared/contract/orders.ts';
import { redactText } from '../../../shared/hubble/redact.ts';
import { CALL_COLUMNS } from '../../kernel/call-log/call-log-writer.ts';
import type { CallRow } from '../../kernel/call-log/call-row.ts';

/**
 * The call-log columns (api_calls, same database) a bundle leaves out; the bodies it reads are as the recorder
 * stored them (redacted).
 */
const LEFT_OUT = ['profile_id', 'endpoint', 'error_kind', 'amount', 'failure'] as const;
const BUNDLE_COLUMNS = CALL_COLUMNS.filter((column) => !(LEFT_OUT as readonly string[]).includes(column));

type BundledCall = Omit<CallRow, (typeof LEFT_OUT)[number]>;

/** Every call behind an order: each X-REQUEST-ID linked to it, and each call the log tied to its ids. */
function callsOf(db: Database.Database, order: OrderDetail, rowId: number): BundledCall[] {
  return db
    .prepare(
      `SELECT ${BUNDLE_COLUMNS.join(', ')}
       FROM api_calls
       WHERE request_id IN (SELECT request_id FROM order_calls WHERE order_ref = ?)
          OR (? IS NOT NULL AND order_id = ?) OR (? IS NOT NULL AND reference_id = ?)
       ORDER BY at, id`,
    )
    .all(rowId, order.orderId, order.orderId, order.referenceId, order.referenceId) as BundledCall[];
}

/** Bodies are stored redacted already; they pass through the redactor again because a bundle leaves the machine. */
const body = (text: string | null): unknown => {
  if (text === null || text === '') return null;
  const clean = redactText(text);
  try {
    return JSON.parse(clean);
  } catch {
    return clean;
  }
};

const utc = (at: number) => new Date(at).toISOString();

/**
 * A support bundle for one order, what Hubble support asks for (X-REQUEST-ID, order ID or reference ID, timestamp,
 * error body, environment): its status timeline and every call behind it, redacted, as ticket text and JSON.
 */
export function buildOrderBundle(db: Database.Database, order: OrderDetail, rowId: number, now: number): OrderBundle {
  const calls = callsOf(db, order, rowId);
  const environment = calls[0]?.environment ?? 'unknown';
  const baseUrl = calls[0]?.base_url ?? 'unknown';
  const callJson = calls.map((call) => ({
    xRequestId: call.request_id,
    timestampUtc: utc(call.at),
    method: call.method,
    path: call.path,
    httpStatus: call.http_status,
    latencyMs: Math.round(call.latency_ms),
    outcome: call.outcome,
    attempt: call.attempt,
    orderId: call.order_id,
    referenceId: call.reference_id,
    orderStatus: call.order_status,
    error: call.error_id || call.error_code ? { id: call.error_id, code: call.error_code } : null,
    hubbleRequestId: call.server_request_id,
    requestBody: body(call.request_body),
    responseBody: body(call.response_body),
  }));
  const facts = {
    kind: 'order',
    generatedAtUtc: utc(now),
    environment,
    baseUrl,
    orderId: order.orderId,
    referenceId: order.referenceId,
    brand: order.brandName ?? order.brandId,
    amountInr: order.amountPaise === null ? null : order.amountPaise / 100,
    status: order.status,
    errorId: order.errorId,
    failureReason: order.failureReason ? redactText(order.failureReason) : null,
    source: order.source,
    batchId: order.batchId,
    origin: order.origin,
    timeline: order.history.map((change) => ({ status: change.status, atUtc: utc(change.at), source: change.source })),
    calls: callJson,
  };
  const text =
    [
      `Hubble support bundle (order): ${order.orderId ?? order.referenceId}`,
      `Generated:      ${utc(now)}`,
      `Environment:    ${environment}`,
      `Base URL:       ${baseUrl}`,
      `Order ID:       ${order.orderId ?? '(none: Hubble created no order)'}`,
      `Reference ID:   ${order.referenceId ?? '(none)'}`,
      `Brand:          ${facts.brand ?? '(unknown)'}`,
      `Amount:         ${facts.amountInr === null ? '(unknown)' : `INR ${facts.amountInr.toFixed(2)}`}`,
      `Status:         ${order.status}${order.errorId ? ` (${order.errorId})` : ''}`,
      ...(facts.failureReason ? [`Failure:        ${facts.failureReason}`] : []),
      ...(order.origin
        ? [`Placed from:    ${order.origin.operator}’s console (team mode, ${order.origin.consoleId})`]
        : []),
      `X-REQUEST-ID:   ${calls.map((call) => call.request_id).join(', ') || '(no call recorded)'}`,
      'Secrets (tokens, client secret, card numbers, PINs) are removed; phone numbers and e-mails are partly masked.',
      '',
      'Status timeline',
      ...facts.timeline.map((change) => `  ${change.atUtc}  ${change.status.padEnd(12)} (${change.source})`),
      '',
      ...callJson.flatMap((call, index) => [
        `Call ${index + 1} of ${callJson.length}`,
        `  X-REQUEST-ID:   ${call.xRequestId}`,
        `  Timestamp:      ${call.timestampUtc}`,
        `  Request:        ${call.method} ${call.path}`,
        `  HTTP status:    ${call.httpStatus ?? 'none (no answer)'}`,
        `  Latency:        ${call.latencyMs} ms`,
        `  Outcome:        ${call.outcome}${call.error ? ` (${[call.error.id, call.error.code].filter(Boolean).join(' ')})` : ''}`,
        '  Request body (redacted):',
        ...JSON.stringify(call.requestBody, null, 2)
          .split('\n')
          .map((line) => `    ${line}`),
        '  Response body (redacted):',
        ...JSON.stringify(call.responseBody, null, 2)
          .split('\n')
          .map((line) => `    ${line}`),
        '',
      ]),
    ].join('\n') + '\n';
  const label = (order.orderId ?? order.referenceId ?? 'order').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
  return {
    text,
    json: JSON.stringify(facts, null, 2),
    fileName: `hubble-order-${label}-${utc(now).replace(/[:.]/g, '-')}`,
    calls: calls.length,
    timeline: facts.timeline.length,
  };
}

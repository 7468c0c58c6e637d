import { stringify } from 'csv-stringify/sync';
import type { CallSummary } from '../../../shared/contract/calls.ts';
import { formatUtc } from './timestamps.ts';

export const MAX_EXPORT_ROWS = 100_000;

const HEADER = [
  'time_utc',
  'method',
  'path',
  'http_status',
  'outcome',
  'latency_ms',
  'x_request_id',
  'error_kind',
  'error_id',
  'error_code',
  'order_id',
  'reference_id',
  'order_status',
  'attempt',
];

/** A spreadsheet must not run a referenceId such as `=HYPERLINK(…)` as a formula. */
const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const cells = (call: CallSummary) =>
  [
    formatUtc(call.at),
    call.method,
    call.path,
    call.httpStatus ?? '',
    call.outcome,
    Math.round(call.latencyMs * 10) / 10,
    call.requestId,
    call.errorKind ?? '',
    call.errorId ?? '',
    call.errorCode ?? '',
    call.orderId ?? '',
    call.referenceId ?? '',
    call.orderStatus ?? '',
    call.attempt,
  ].map((value) => (typeof value === 'string' ? neutralise(value) : value));

/** The search as CSV, without bodies: a list to sort and share, the bundle is for the details. */
export function callsToCsv(calls: Iterable<CallSummary>): { csv: string; rows: number } {
  const records: (string | number)[][] = [HEADER];
  for (const call of calls) records.push(cells(call));
  return { csv: stringify(records), rows: records.length - 1 };
}

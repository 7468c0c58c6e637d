import type { CallField, ColumnMapping } from '../../../shared/contract/logImport.ts';

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

// Names partner backends give these columns (express/pino/winston loggers, nginx-style access logs, hand-made CSV).
const ALIASES: Record<CallField, readonly string[]> = {
  timestamp: ['timestamp', 'time', 'ts', 'at', 'date', 'datetime', '@timestamp', 'created_at', 'logged_at'],
  method: ['method', 'http_method', 'verb', 'request_method'],
  path: ['path', 'url', 'uri', 'endpoint', 'request_path', 'request_url'],
  status: ['status', 'http_status', 'status_code', 'response_status', 'code'],
  latencyMs: ['latency_ms', 'latency', 'duration_ms', 'duration', 'elapsed_ms', 'response_time', 'took_ms'],
  requestId: ['x-request-id', 'request_id', 'requestid', 'xrequestid', 'req_id'],
  orderId: ['order_id', 'orderid'],
  referenceId: ['reference_id', 'referenceid', 'ref_id'],
  errorId: ['error_id', 'errorid'],
  errorCode: ['error_code', 'errorcode'],
  amount: ['amount', 'order_amount'],
  brand: ['brand', 'brand_id', 'product_id', 'productid', 'brand_name'],
  requestBody: ['request_body', 'requestbody', 'request', 'req_body'],
  responseBody: ['response_body', 'responsebody', 'response', 'res_body'],
};

/** A first mapping from the column (or top-level field) names: what the operator then corrects and saves. */
export function guessMapping(columns: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const byName = new Map(columns.map((column) => [squash(column), column]));
  for (const [field, aliases] of Object.entries(ALIASES) as Array<[CallField, readonly string[]]>) {
    const hit = aliases.map(squash).find((alias) => byName.has(alias));
    if (hit !== undefined) mapping[field] = byName.get(hit)!;
  }
  return mapping;
}

/** A CSV column, or a JSONL field path (`http.status`): an exact key first, since keys may contain dots. */
export function valueAt(record: Record<string, unknown>, column: string | undefined): unknown {
  if (column === undefined) return undefined;
  if (Object.hasOwn(record, column)) return record[column];
  let value: unknown = record;
  for (const part of column.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

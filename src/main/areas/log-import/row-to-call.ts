import crypto from 'node:crypto';
import type { ColumnMapping } from '../../../shared/contract/logImport.ts';
import type { FailureKind } from '../../../shared/hubble/failure.ts';
import { redactText, type RedactionContext } from '../../../shared/hubble/redact.ts';
import { redactBody, type CallRow } from '../../kernel/call-log/call-row.ts';
import { withoutCardNumbers } from './card-number-guard.ts';
import { valueAt } from './column-mapping.ts';
import { endpointOf } from './endpoint-of.ts';

/** An api_calls row from the partner's log: source 'import', with its dedupe key and brand. */
export interface ImportedCallRow extends CallRow {
  import_key: string;
  brand: string | null;
}

export interface RowContext {
  profileId: string;
  environment: string;
  /** Secrets of the profile never to store, wherever they appear (the same rule as the call log). */
  redaction: RedactionContext;
}

export type RowResult = { ok: true; row: ImportedCallRow } | { ok: false; reasons: string[] };

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const MAX_FIELD_CHARS = 512;
const ID_LIKE = /^[A-Za-z0-9_:-]{1,128}$/;
// 2000-01-01 .. 2100-01-01: a timestamp outside is a unit mistake (seconds read as ms, or the other way round).
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

const isBlank = (value: unknown) => value === undefined || value === null || value === '';
const textOf = (value: unknown): string | null => {
  if (isBlank(value)) return null;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

function timestampOf(value: unknown): number | null {
  if (isBlank(value)) return null;
  const numeric = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(String(value).trim()) ? Number(value) : null;
  let at: number;
  if (numeric !== null) at = numeric < 1e11 ? numeric * 1000 : numeric;
  else at = Date.parse(String(value));
  return Number.isFinite(at) && at >= EARLIEST && at < LATEST ? Math.round(at) : null;
}

function numberOf(value: unknown): number | null | 'bad' {
  if (isBlank(value)) return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim().replace(/ms$/i, ''));
  return Number.isFinite(number) ? number : 'bad';
}

/** The call log's failure kind from what a partner log has (status and Hubble's error id), so dashboards count it. */
function failureKindOf(status: number | null, errorId: string | null): FailureKind | null {
  if (errorId === 'E400') return 'rate-limit';
  if (status === null || status < 400) return errorId ? 'business' : null;
  if (status === 401) return 'auth';
  if (status === 403) return 'whitelisting';
  if (status === 404) return 'not-found';
  return status >= 500 ? 'server' : 'business';
}

/** A short free-text field (an id, a code): the call log's text rules, card numbers out, bounded. */
const field = (value: unknown, context: RedactionContext): string | null => {
  const text = textOf(value);
  if (text === null) return null;
  // An id-like value (most of them) has no bearer token, JWT, e-mail or key=value pair to find.
  if (ID_LIKE.test(text) && !(context.secrets ?? []).some((secret) => secret.length >= 4 && text.includes(secret)))
    return withoutCardNumbers(text);
  return withoutCardNumbers(redactText(text.slice(0, MAX_FIELD_CHARS), context, false));
};

/** A body as logged: a JSON value, a JSON string or free text, redacted by the same rules as the call log. */
function bodyOf(value: unknown, context: RedactionContext): string | null {
  if (isBlank(value)) return null;
  let json: unknown = undefined;
  if (typeof value === 'object') json = value;
  else if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
    try {
      json = JSON.parse(value);
    } catch {
      json = undefined;
    }
  }
  const redacted = redactBody(json, json === undefined ? String(value) : null, context);
  return redacted === null ? null : withoutCardNumbers(redacted);
}

/** One log row mapped, validated and redacted; the reasons say which fields are wrong and why. */
export function rowToCall(record: Record<string, unknown>, mapping: ColumnMapping, context: RowContext): RowResult {
  const reasons: string[] = [];
  const get = (name: keyof ColumnMapping) => valueAt(record, mapping[name]);

  const at = timestampOf(get('timestamp'));
  if (at === null)
    reasons.push(isBlank(get('timestamp')) ? 'timestamp is missing' : 'timestamp is not a date (ISO 8601 or epoch)');
  const method = textOf(get('method'))?.toUpperCase() ?? null;
  if (method === null) reasons.push('method is missing');
  else if (!METHODS.has(method)) reasons.push(`method ${JSON.stringify(method.slice(0, 20))} is not an HTTP method`);
  const rawPath = textOf(get('path'));
  let path: string | null = null;
  let baseUrl = 'import';
  if (rawPath === null) reasons.push('path is missing');
  else {
    try {
      const url = new URL(rawPath, 'http://import.invalid');
      if (url.origin !== 'http://import.invalid') baseUrl = url.origin;
      path = `${url.pathname}${url.search}`;
    } catch {
      reasons.push('path is not a URL path');
    }
  }
  const status = numberOf(get('status'));
  if (status === 'bad' || (typeof status === 'number' && (!Number.isInteger(status) || status < 100 || status > 599)))
    reasons.push('status is not an HTTP status (100–599)');
  const latency = numberOf(get('latencyMs'));
  if (latency === 'bad' || (typeof latency === 'number' && latency < 0))
    reasons.push('latency is not a duration in ms');
  const amount = numberOf(get('amount'));
  if (amount === 'bad') reasons.push('amount is not a number');
  if (reasons.length > 0 || at === null || method === null || path === null) return { ok: false, reasons };

  const redaction = context.redaction;
  const requestId = field(get('requestId'), redaction);
  const httpStatus = status as number | null;
  const errorId = field(get('errorId'), redaction);
  const storedPath = withoutCardNumbers(redactText(path.slice(0, 2048), redaction, false));
  const row: Omit<ImportedCallRow, 'import_key' | 'request_id'> = {
    at,
    profile_id: context.profileId,
    environment: context.environment,
    base_url: baseUrl,
    method,
    path: storedPath,
    endpoint: endpointOf(method, storedPath),
    http_status: httpStatus,
    outcome: httpStatus === null ? 'unknown' : httpStatus < 400 && errorId === null ? 'ok' : 'failed',
    error_kind: failureKindOf(httpStatus, errorId),
    error_id: errorId,
    error_code: field(get('errorCode'), redaction),
    latency_ms: (latency as number | null) ?? 0,
    server_request_id: null,
    attempt: 1,
    order_id: field(get('orderId'), redaction),
    reference_id: field(get('referenceId'), redaction),
    order_status: null,
    amount: amount as number | null,
    request_body: bodyOf(get('requestBody'), redaction),
    response_body: bodyOf(get('responseBody'), redaction),
    failure: null,
    brand: field(get('brand'), redaction),
  };
  // Importing the same file twice adds nothing: X-REQUEST-ID (with the time, so retries under one id stay
  // distinct), else a hash of what is stored.
  if (requestId !== null)
    return { ok: true, row: { ...row, request_id: requestId, import_key: `rid:${requestId}@${at}` } };
  const hash = crypto.createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 32);
  return { ok: true, row: { ...row, request_id: `import-${hash.slice(0, 16)}`, import_key: `row:${hash}` } };
}

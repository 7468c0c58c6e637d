import { errorBodySchema, type ErrorBody } from '../../shared/hubble/error-body.ts';
import type { FailureKind } from '../../shared/hubble/failure.ts';
import type { ResponseParser } from './response-parser.ts';

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

export type Classified<T> =
  | { ok: true; value: T; json: unknown }
  | { ok: false; kind: FailureKind; json: unknown; errorBody: ErrorBody | null; detail: string | null };

/** JSON.parse that says "not JSON" instead of throwing; undefined marks "no JSON". */
export function parseJson(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isRateLimit = (body: ErrorBody | null) =>
  body?.id?.toUpperCase() === 'E400' || body?.code?.toUpperCase() === 'RATE_LIMIT_EXCEEDED';
const isNotFound = (body: ErrorBody | null) =>
  body?.id?.toUpperCase() === 'E001' || body?.code?.toUpperCase() === 'RESOURCE_NOT_FOUND';

function describeUnreadable(answer: HttpAnswer): string {
  if (!answer.text.trim()) return 'empty body';
  const head = answer.text.trimStart().slice(0, 15).toLowerCase();
  if (head.startsWith('<!doctype') || head.startsWith('<html') || answer.contentType.includes('html'))
    return 'HTML instead of JSON (a proxy, captive portal or gateway page?)';
  return `not JSON (content-type ${answer.contentType || 'missing'})`;
}

/**
 * Turns one HTTP answer into a value or a failure kind. Hubble signals business failures (E1xx, E300,
 * E400) in the body, not with a status of their own, so the body decides wherever it is readable; a 2xx
 * carrying an error body is treated as the error it names.
 */
export function classifyResponse<T>(answer: HttpAnswer, parser: ResponseParser<T>): Classified<T> {
  const json = parseJson(answer.text);
  const { status } = answer;
  const success = status >= 200 && status < 300;
  const parsed = success && json !== undefined ? parser(json) : null;
  if (parsed?.ok) return { ok: true, value: parsed.value, json };
  // Only a failure pays for reading the error body.
  const errorParse = json === undefined ? null : errorBodySchema.safeParse(json);
  const errorBody = errorParse?.success ? errorParse.data : null;
  const fail = (kind: FailureKind, detail: string | null = null): Classified<T> => ({
    ok: false,
    kind,
    json,
    errorBody,
    detail,
  });

  if (success) {
    if (!parsed) return fail('invalid-response', describeUnreadable(answer));
    if (errorBody?.id && /^E\d+$/i.test(errorBody.id)) return fail(isRateLimit(errorBody) ? 'rate-limit' : 'business');
    return fail('invalid-response', parsed.problem);
  }
  if (status === 401) return fail('auth');
  if (status === 403) return fail('whitelisting');
  if (status === 404) return fail('not-found');
  if (status === 429 || isRateLimit(errorBody)) return fail('rate-limit');
  if (status >= 500)
    return fail('server', json === undefined && answer.text.trim() ? describeUnreadable(answer) : null);
  if (isNotFound(errorBody)) return fail('not-found');
  if (errorBody) return fail('business');
  return fail(
    'invalid-response',
    `HTTP ${status} with ${json === undefined ? describeUnreadable(answer) : 'JSON that is not a Hubble error body'}`,
  );
}

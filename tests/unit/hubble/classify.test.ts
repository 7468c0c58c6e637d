import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { orderSchema } from '../../../src/shared/hubble/order.ts';
import { classifyResponse } from '../../../src/main/hubble/classify-response.ts';
import { classifyTransportError } from '../../../src/main/hubble/classify-transport-error.ts';
import { parserOf } from '../../../src/main/hubble/response-parser.ts';

const parse = parserOf(orderSchema);
const answer = (status: number, body: unknown, contentType = 'application/json') => ({
  status,
  contentType,
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('classifyResponse', () => {
  it('maps statuses and bodies to the taxonomy', () => {
    const kind = (status: number, body: unknown, contentType?: string) => {
      const result = classifyResponse(answer(status, body, contentType), parse);
      return result.ok ? 'ok' : result.kind;
    };
    expect(kind(200, { id: 'o1', status: 'SUCCESS' })).toBe('ok');
    expect(kind(401, { id: 'E401', message: 'Unauthorized' })).toBe('auth');
    expect(kind(403, 'Invalid Access', 'text/plain')).toBe('whitelisting');
    expect(kind(404, { id: 'E001', code: 'RESOURCE_NOT_FOUND' })).toBe('not-found');
    expect(kind(400, { id: 'E300', code: 'INSUFFICIENT_BALANCE', message: 'Insufficient wallet balance' })).toBe(
      'business',
    );
    expect(kind(422, { id: 'E999', code: 'SOMETHING_NEW' })).toBe('business');
    expect(kind(400, { id: 'E400', code: 'RATE_LIMIT_EXCEEDED' })).toBe('rate-limit');
    expect(kind(429, '')).toBe('rate-limit');
    expect(kind(502, '<html>Bad gateway</html>', 'text/html')).toBe('server');
    expect(kind(200, '<!DOCTYPE html><html></html>', 'text/html')).toBe('invalid-response');
    expect(kind(200, '')).toBe('invalid-response');
    expect(kind(200, '{"id": "o1", "status"')).toBe('invalid-response');
    expect(kind(200, { unexpected: true })).toBe('invalid-response');
    expect(kind(200, { id: 'E300', code: 'INSUFFICIENT_BALANCE' })).toBe('business');
    expect(kind(400, { error: 'bad' })).toBe('invalid-response');
  });

  it('says what was wrong with an unreadable answer', () => {
    const html = classifyResponse(answer(200, '<!DOCTYPE html><html></html>', 'text/html'), parse);
    expect(!html.ok && html.detail).toMatch(/HTML/);
    const empty = classifyResponse(answer(200, ''), parse);
    expect(!empty.ok && empty.detail).toBe('empty body');
    const shape = classifyResponse(answer(200, { id: 'o1' }), parse);
    expect(!shape.ok && shape.detail).toMatch(/schema mismatch: status/);
  });

  it('keeps the error body fields as they came', () => {
    const result = classifyResponse(
      answer(400, { id: 'E777', code: 'NEW_CODE', message: 'm', requestId: 'req_1', extra: 1 }),
      parse,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errorBody).toMatchObject({ id: 'E777', code: 'NEW_CODE', requestId: 'req_1', extra: 1 });
  });
});

describe('classifyTransportError', () => {
  it('tells timeouts by phase and knows when nothing was sent', () => {
    expect(classifyTransportError(new errors.ConnectTimeoutError())).toMatchObject({
      kind: 'timeout',
      timeoutPhase: 'connect',
      notSent: true,
    });
    expect(classifyTransportError(new errors.HeadersTimeoutError())).toMatchObject({
      kind: 'timeout',
      timeoutPhase: 'headers',
      notSent: false,
    });
    expect(classifyTransportError(new errors.BodyTimeoutError())).toMatchObject({
      kind: 'timeout',
      timeoutPhase: 'body',
      notSent: false,
    });
    expect(
      classifyTransportError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    ).toMatchObject({ kind: 'network', notSent: true });
    expect(classifyTransportError(new errors.SocketError('other side closed'))).toMatchObject({
      kind: 'network',
      notSent: false,
    });
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {});
    expect(classifyTransportError(aggregate)).toMatchObject({ kind: 'network', notSent: true });
  });
});

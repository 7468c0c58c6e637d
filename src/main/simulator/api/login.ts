import crypto from 'node:crypto';
import { SimError, type SubError } from '../errors.ts';
import { isBlockedByIpWhitelist } from '../state/clients.ts';
import type { ApiContext, ApiResult } from './context.ts';

// Constant-time for equal lengths; a length mismatch is simply wrong (the demo secrets are public anyway).
const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

/** POST /v1/partners/auth/login → {token, expiresInSecs}. */
export function login(ctx: ApiContext): ApiResult {
  const body = ctx.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SimError('BAD_REQUEST', {
      debugMessage: 'The request body must be a JSON object with clientId and clientSecret',
    });
  }
  const fields = body as Record<string, unknown>;
  const subErrors: SubError[] = [];
  for (const field of ['clientId', 'clientSecret']) {
    const value = fields[field];
    if (value === undefined || value === null || value === '')
      subErrors.push({ fieldName: field, message: `${field} is required` });
    else if (typeof value !== 'string') subErrors.push({ fieldName: field, message: `${field} must be a string` });
  }
  if (subErrors.length > 0) throw new SimError('BAD_REQUEST', { subErrors });
  const clientId = fields['clientId'] as string;
  const { state } = ctx.engine;
  const client = state.clients.get(clientId);
  // Another environment's clientId is as unknown here as a typo (staging keys on production → 401).
  if (!client || (ctx.environment !== null && client.environment !== ctx.environment)) {
    throw new SimError(state.config.unknownClient === 'not-found' ? 'RESOURCE_NOT_FOUND' : 'UNAUTHORIZED', {
      debugMessage: `Unknown clientId ${clientId}`,
    });
  }
  if (isBlockedByIpWhitelist(client))
    throw new SimError('FORBIDDEN', { debugMessage: `Source IP is not whitelisted for ${clientId}` });
  if (!sameSecret(fields['clientSecret'] as string, client.clientSecret))
    throw new SimError('UNAUTHORIZED', { debugMessage: 'Wrong clientSecret' });
  state.logins[clientId] = (state.logins[clientId] ?? 0) + 1;
  const { token } = state.tokens.issue(clientId, ctx.engine.now(), state.config.tokenTtlSecs, state.random);
  return { status: 200, json: JSON.stringify({ token, expiresInSecs: state.config.tokenTtlSecs }), clientId };
}

import type { IncomingHttpHeaders } from 'node:http';
import type { SimEngine } from '../engine.ts';
import { SimError } from '../errors.ts';
import { isBlockedByIpWhitelist, type ClientState, type Environment } from '../state/clients.ts';

/**
 * Bearer auth for every endpoint but login. The allow-list (403) is checked before expiry, as a gateway in
 * front of the API would; a token from the other environment's listener is unknown there (401).
 */
export function authenticate(
  engine: SimEngine,
  headers: IncomingHttpHeaders,
  environment: Environment | null,
): ClientState {
  const header = headers.authorization;
  if (!header) throw new SimError('UNAUTHORIZED', { debugMessage: 'Missing Authorization header' });
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new SimError('UNAUTHORIZED', { debugMessage: 'Authorization must be "Bearer <token>"' });
  const record = engine.state.tokens.find(match[1]!);
  const client = record ? engine.state.clients.get(record.clientId) : undefined;
  if (!record || !client || (environment !== null && client.environment !== environment)) {
    throw new SimError('UNAUTHORIZED', { debugMessage: 'Unknown token' });
  }
  if (isBlockedByIpWhitelist(client))
    throw new SimError('FORBIDDEN', { debugMessage: `Source IP is not whitelisted for ${client.clientId}` });
  if (record.expiresAt <= engine.now())
    throw new SimError('UNAUTHORIZED', { debugMessage: 'Token expired; log in again' });
  return client;
}

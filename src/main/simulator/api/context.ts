import type { SimEngine } from '../engine.ts';
import type { ClientState, Environment } from '../state/clients.ts';

export interface ApiContext {
  engine: SimEngine;
  /** The authenticated client; null on login. */
  client: ClientState | null;
  body: unknown;
  params: string[];
  search: URLSearchParams;
  /** The base URL the request came in on, for absolute asset URLs. */
  base: string;
  /** Null on the main listener (every client); else the only environment this listener serves. */
  environment: Environment | null;
}

export interface ApiResult {
  status: number;
  json: string;
  /** Who the request turned out to be from (login learns it from the body). */
  clientId?: string;
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Set on parameterless routes, which are matched by a map lookup first. */
  exact?: string;
  auth: boolean;
  handle(ctx: ApiContext): ApiResult;
}

export function requireClient(ctx: ApiContext): ClientState {
  if (!ctx.client) throw new Error('route needs an authenticated client');
  return ctx.client;
}

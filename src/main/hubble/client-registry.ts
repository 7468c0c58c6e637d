import type { CallRecorder } from './call-recorder.ts';
import type { HubbleConnection } from './connection.ts';
import { createHubbleClient, type HubbleClient, type HubbleClientOptions } from './hubble-client.ts';

const identityOf = (connection: HubbleConnection) =>
  `${connection.environment}|${connection.baseUrl}|${connection.clientId}`;

/**
 * One client (one keep-alive pool, one token) per profile. A profile whose URL, environment or clientId
 * changed gets a fresh client, so a token of the old settings is never sent to the new place.
 */
export class HubbleClients {
  readonly #recorderFor: (profileId: string) => CallRecorder;
  readonly #options: HubbleClientOptions;
  readonly #clients = new Map<string, { identity: string; client: HubbleClient }>();

  constructor(recorderFor: (profileId: string) => CallRecorder, options: HubbleClientOptions = {}) {
    this.#recorderFor = recorderFor;
    this.#options = options;
  }

  clientFor(connection: HubbleConnection): HubbleClient {
    const identity = identityOf(connection);
    const existing = this.#clients.get(connection.profileId);
    if (existing?.identity === identity) return existing.client;
    if (existing) void existing.client.close();
    const client = createHubbleClient(connection, this.#recorderFor(connection.profileId), this.#options);
    this.#clients.set(connection.profileId, { identity, client });
    return client;
  }

  async close(profileId: string): Promise<void> {
    const entry = this.#clients.get(profileId);
    this.#clients.delete(profileId);
    await entry?.client.close();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#clients.keys()].map((profileId) => this.close(profileId)));
  }
}

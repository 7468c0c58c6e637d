import type { EventBus } from '../../kernel/event-bus.ts';
import { HubbleClients } from '../../hubble/client-registry.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import type { HubbleClientOptions } from '../../hubble/hubble-client.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { ProfileStores } from '../../store/profile-store.ts';
import { createCallsHandlers, type CallsHandlerDeps } from './calls-handlers.ts';
import { CallsService } from './calls-service.ts';

export interface CallsAreaOptions {
  stores: ProfileStores;
  events: EventBus;
  activeProfileId(): string;
  connectionFor(profileId: string): HubbleConnection;
  simulatorBaseUrl(): string | null;
  /** a profile's webhook secret (and any other secret value) so it can be stripped from stored calls */
  secretValues?: (profileId: string) => Promise<readonly (string | null)[]>;
  audit?: CallsHandlerDeps['audit'];
  client?: HubbleClientOptions;
  onError?: (where: string, error: unknown) => void;
}

export interface CallsArea {
  readonly calls: CallsService;
  /** the Hubble clients of every profile; every service that calls Hubble takes its client from here */
  readonly clients: HubbleClients;
  readonly handlers: Pick<Handlers, 'calls'>;
  /** for the profiles service: closes the profile's client and database, then removes its files */
  deleteProfileData(profileId: string): Promise<void>;
  /** re-reads the secret values to strip for every open profile (call after a secret is set or cleared) */
  refreshSecrets(): void;
  close(): Promise<void>;
}

/** The Hubble clients, the call log and the Calls operations, assembled for the console core. */
export function createCallsArea(options: CallsAreaOptions): CallsArea {
  const secrets = new Map<string, readonly string[]>();
  const readSecrets = (profileId: string) => {
    if (!options.secretValues) return;
    options
      .secretValues(profileId)
      .then((values) =>
        secrets.set(
          profileId,
          values.filter((value): value is string => Boolean(value)),
        ),
      )
      .catch((error: unknown) => options.onError?.('calls.secrets', error));
  };
  const warmSecrets = (profileId: string) => {
    if (secrets.has(profileId)) return;
    secrets.set(profileId, []);
    readSecrets(profileId);
  };
  const calls = new CallsService({
    stores: options.stores,
    knownSecrets: (profileId) => secrets.get(profileId) ?? [],
    onRecorded: (profileId, rows, lastId) => options.events.emit('calls.recorded', { profileId, rows, lastId }),
    onOpen: warmSecrets,
    onError: options.onError,
  });
  const clients = new HubbleClients((profileId) => calls.recorder(profileId), options.client);
  const handlers = createCallsHandlers({
    calls,
    clients,
    activeProfileId: options.activeProfileId,
    connectionFor: options.connectionFor,
    simulatorBaseUrl: options.simulatorBaseUrl,
    audit: options.audit,
  });
  return {
    calls,
    clients,
    handlers: { calls: handlers },
    async deleteProfileData(profileId) {
      await clients.close(profileId);
      calls.closeProfile(profileId);
      secrets.delete(profileId);
      options.stores.delete(profileId);
    },
    refreshSecrets() {
      for (const profileId of secrets.keys()) readSecrets(profileId);
    },
    async close() {
      await clients.closeAll();
      calls.close();
    },
  };
}

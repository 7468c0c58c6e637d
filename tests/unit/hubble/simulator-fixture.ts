import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { CallRecord, CallRecorder } from '../../../src/main/hubble/call-recorder.ts';
import type { HubbleConnection } from '../../../src/main/hubble/connection.ts';
import {
  createHubbleClient,
  type HubbleClient,
  type HubbleClientOptions,
} from '../../../src/main/hubble/hubble-client.ts';
import { simulatorControl, type SimulatorControl } from '../../../src/main/simulator/control-client.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../../src/main/simulator/index.ts';

export const STAGING = DEMO_CLIENTS.staging;

export interface SimulatorFixture {
  sim: RunningSimulator;
  control: SimulatorControl;
  connection(overrides?: Partial<HubbleConnection> & { secret?: string }): HubbleConnection;
  /** a client with fast retries whose recorded calls land in `recorded` */
  client(options?: HubbleClientOptions & { connection?: HubbleConnection; recorder?: CallRecorder }): HubbleClient;
  recorded: CallRecord[];
}

/** One real simulator on loopback for the file, reset to its seeded state before every test. */
export function useSimulator(): SimulatorFixture {
  const clients: HubbleClient[] = [];
  const fixture = { recorded: [] as CallRecord[] } as SimulatorFixture;
  beforeAll(async () => {
    fixture.sim = await startSimulator({ seed: 7 });
    fixture.control = simulatorControl(fixture.sim.baseUrl);
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await fixture.sim.close();
  });
  beforeEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    fixture.recorded.length = 0;
    await fixture.control.reset({ seed: 7, scenario: 'calm' });
  });
  fixture.connection = (overrides = {}) => {
    const { secret, ...rest } = overrides;
    return {
      profileId: 'simulator',
      environment: 'simulator',
      baseUrl: fixture.sim.baseUrl,
      clientId: STAGING.clientId,
      clientSecret: async () => secret ?? STAGING.clientSecret,
      ...rest,
    };
  };
  fixture.client = (options = {}) => {
    const { connection, recorder, ...rest } = options;
    const client = createHubbleClient(
      connection ?? fixture.connection(),
      recorder ?? { record: (call) => fixture.recorded.push(call) },
      {
        backoff: { baseDelayMs: 1, maxDelayMs: 4 },
        ...rest,
      },
    );
    clients.push(client);
    return client;
  };
  return fixture;
}

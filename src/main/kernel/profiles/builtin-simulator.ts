import {
  DEFAULT_POLLING,
  DEFAULT_WEBHOOK_PORT,
  ENVIRONMENT_COLOURS,
  type SecretKind,
} from '../../../shared/contract/profiles.ts';
import { DEMO_CLIENTS } from '../../simulator/demo-clients.ts';
import type { ProfileRecord } from './profile-record.ts';

/** The profile every fresh install opens on: the embedded simulator, no credentials, clearly not real money. */
export const SIMULATOR_PROFILE_ID = 'simulator';

/** The simulator's own demo client: public test values, so no keychain is involved. */
export const SIMULATOR_CREDENTIALS: Record<SecretKind, string | null> = {
  clientSecret: DEMO_CLIENTS.staging.clientSecret,
  webhookSecret: DEMO_CLIENTS.staging.webhookSecret,
  // The Simulator's history is this machine's demo: it is never linked to a team database.
  teamDbPassword: null,
};

export const builtinSimulatorRecord = (at: string): ProfileRecord => ({
  id: SIMULATOR_PROFILE_ID,
  name: 'Simulator',
  environment: 'simulator',
  customBaseUrl: null,
  clientId: DEMO_CLIENTS.staging.clientId,
  colour: ENVIRONMENT_COLOURS.simulator,
  walletMinimum: null,
  polling: { ...DEFAULT_POLLING },
  rateLimits: [],
  webhookReceiver: { enabled: false, port: DEFAULT_WEBHOOK_PORT },
  createdAt: at,
  updatedAt: at,
});

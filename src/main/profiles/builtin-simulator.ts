import type { Profile } from '../../shared/contract/profiles.ts';

/** The profile every fresh install opens on: the embedded simulator, no credentials, clearly not real money. */
export const SIMULATOR_PROFILE_ID = 'simulator';

export const builtinSimulatorProfile = (baseUrl: string): Profile => ({
  id: SIMULATOR_PROFILE_ID,
  name: 'Simulator',
  environment: 'simulator',
  baseUrl,
  colour: '#7c3aed',
  builtIn: true,
});

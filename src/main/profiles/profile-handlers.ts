import type { Handlers } from '../ipc/router.ts';
import { builtinSimulatorProfile, SIMULATOR_PROFILE_ID } from './builtin-simulator.ts';

export interface ProfileHandlerDeps {
  simulatorBaseUrl(): string;
}

export function createProfileHandlers(deps: ProfileHandlerDeps): Handlers['profiles'] {
  return {
    list: () => ({
      activeProfileId: SIMULATOR_PROFILE_ID,
      profiles: [builtinSimulatorProfile(deps.simulatorBaseUrl())],
    }),
  };
}

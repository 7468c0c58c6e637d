import { create } from 'zustand';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import type { TeamLinkSettings, TeamStatus } from '../../../../shared/contract/team.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { hubble } from '../../hubble.ts';

interface TeamState {
  status: TeamStatus | null;
  busy: boolean;
  load(): Promise<void>;
  /** Linking shares the profile's history with the team: production asks for the typed confirmation first. */
  configure(profile: Profile, enabled: boolean, settings: TeamLinkSettings): Promise<Result<TeamStatus>>;
  prepareDatabase(): Promise<Result<TeamStatus>>;
  syncNow(): Promise<Result<TeamStatus>>;
}

export const useTeam = create<TeamState>((set) => {
  const keep = async (work: Promise<Result<TeamStatus>>) => {
    set({ busy: true });
    const result = await work;
    set(result.ok ? { busy: false, status: result.value } : { busy: false });
    return result;
  };
  return {
    status: null,
    busy: false,
    async load() {
      const result = await hubble().team.status();
      if (result.ok) set({ status: result.value });
    },
    configure: (profile, enabled, settings) =>
      keep(
        runGuarded(
          profile,
          'team.configure',
          enabled ? `share “${profile.name}”’s history with the team database` : 'stop sharing with the team database',
          (confirmationToken) => hubble().team.configure({ enabled, settings, confirmationToken }),
        ),
      ),
    prepareDatabase: () => keep(hubble().team.prepareDatabase()),
    syncNow: () => keep(hubble().team.syncNow()),
  };
});

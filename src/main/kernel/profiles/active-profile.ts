import type { Profile } from '../../../shared/contract/profiles.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { AppSettings } from '../settings/app-settings.ts';
import { SIMULATOR_PROFILE_ID } from './builtin-simulator.ts';
import type { ProfileCatalog } from './profile-catalog.ts';

export type ActiveProfileListener = (active: Profile, previous: Profile) => void | Promise<void>;

/** Which profile the console works on. A missing or deleted choice falls back to the built-in Simulator. */
export interface ActiveProfile {
  id(): string;
  profile(): Profile;
  /** Switches, audits, and waits for every listener (the scheduler pauses the previous profile's jobs). */
  set(profileId: string): Promise<void>;
  onChanged(listener: ActiveProfileListener): () => void;
}

export function createActiveProfile(deps: {
  catalog: ProfileCatalog;
  settings: AppSettings;
  audit: AuditLog;
  /** A listener failed; the switch itself stands. */
  onListenerError?: (where: string, error: unknown) => void;
}): ActiveProfile {
  const listeners = new Set<ActiveProfileListener>();
  const id = () => {
    const stored = deps.settings.activeProfileId();
    return stored && deps.catalog.exists(stored) ? stored : SIMULATOR_PROFILE_ID;
  };
  return {
    id,
    profile: () => deps.catalog.get(id()),
    async set(profileId) {
      const target = deps.catalog.get(profileId);
      const previousId = id();
      if (previousId === target.id) return;
      const previous = deps.catalog.get(previousId);
      deps.settings.setActiveProfileId(target.id);
      deps.audit.record({
        action: 'profile.activated',
        profileId: target.id,
        profileName: target.name,
        details: { environment: target.environment, from: previous.name },
      });
      for (const listener of listeners) {
        try {
          await listener(target, previous);
        } catch (error) {
          deps.onListenerError?.('onActiveProfileChanged', error);
        }
      }
      deps.catalog.announce();
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

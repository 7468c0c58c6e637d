import { create } from 'zustand';
import type {
  ConnectionTestReport,
  Profile,
  ProfileList,
  ProfileSettings,
  SecretKind,
  SecretStatus,
} from '../../../../shared/contract/profiles.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { hubble } from '../../hubble.ts';

const SECRET_NAMES: Record<SecretKind, string> = {
  clientSecret: 'client secret',
  webhookSecret: 'webhook secret',
  teamDbPassword: 'team database password',
};

export interface ProfileExportFile {
  fileName: string;
  json: string;
}

interface ProfilesState {
  list: ProfileList | null;
  error: string | null;
  load(): Promise<void>;
  active(): Profile | null;
  byId(profileId: string): Profile | null;

  setActive(profileId: string): Promise<Result<ProfileList>>;
  dismissWelcome(): Promise<Result<ProfileList>>;
  /** `profile` null creates one; the built-in Simulator keeps only its monitoring settings. */
  save(profile: Profile | null, settings: ProfileSettings): Promise<Result<Profile>>;
  duplicate(profileId: string): Promise<Result<Profile>>;
  remove(profile: Profile): Promise<Result<{ deleted: true; removedFiles: number }>>;
  setSecret(profile: Profile, kind: SecretKind, value: string): Promise<Result<SecretStatus>>;
  clearSecret(profile: Profile, kind: SecretKind): Promise<Result<SecretStatus>>;
  testConnection(profileId: string): Promise<Result<ConnectionTestReport>>;
  exportAll(): Promise<Result<ProfileExportFile>>;
  importJson(json: string): Promise<Result<{ created: Profile[] }>>;
}

/**
 * The profiles as main has them, and every profile operation the renderer may ask for. Each change reads the
 * list again afterwards (whatever the answer), rather than wait for the event, so this window is never behind.
 */
export const useProfiles = create<ProfilesState>((set, get) => {
  const thenRefresh = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await pending;
    await get().load();
    return result;
  };
  const api = () => hubble().profiles;

  return {
    list: null,
    error: null,
    async load() {
      const result = await api().list();
      if (result.ok) set({ list: result.value, error: null });
      else set({ error: result.error.message });
    },
    active() {
      const list = get().list;
      return list?.profiles.find((profile) => profile.id === list.activeProfileId) ?? null;
    },
    byId(profileId) {
      return get().list?.profiles.find((profile) => profile.id === profileId) ?? null;
    },

    setActive: (profileId) => thenRefresh(api().setActive({ profileId })),
    dismissWelcome: () => thenRefresh(api().dismissWelcome()),
    save(profile, settings) {
      if (!profile) return thenRefresh(api().create({ settings }));
      if (profile.builtIn) {
        const { colour, walletMinimum, polling, rateLimits, webhookReceiver } = settings;
        return thenRefresh(
          api().updateSimulator({ settings: { colour, walletMinimum, polling, rateLimits, webhookReceiver } }),
        );
      }
      return thenRefresh(
        runGuarded(profile, 'profiles.update', 'change its settings (name, clientId, limits)', (confirmationToken) =>
          api().update({ profileId: profile.id, settings, confirmationToken }),
        ),
      );
    },
    duplicate: (profileId) => thenRefresh(api().duplicate({ profileId })),
    remove: (profile) =>
      thenRefresh(
        runGuarded(
          profile,
          'profiles.delete',
          `delete “${profile.name}” with its history and secrets`,
          (confirmationToken) => api().delete({ profileId: profile.id, confirmationToken }),
        ),
      ),
    setSecret: (profile, kind, value) =>
      thenRefresh(
        runGuarded(profile, 'profiles.setSecret', `set its ${SECRET_NAMES[kind]}`, (confirmationToken) =>
          api().setSecret({ profileId: profile.id, kind, value, confirmationToken }),
        ),
      ),
    clearSecret: (profile, kind) =>
      thenRefresh(
        runGuarded(profile, 'profiles.clearSecret', `remove its ${SECRET_NAMES[kind]}`, (confirmationToken) =>
          api().clearSecret({ profileId: profile.id, kind, confirmationToken }),
        ),
      ),
    testConnection: (profileId) => api().testConnection({ profileId }),
    exportAll: () => api().export(),
    importJson: (json) => thenRefresh(api().import({ json })),
  };
});

/** Kept in sync with main: any window that changes profiles tells every other through this event. */
export function followProfileChanges(): () => void {
  return hubble().on('profiles.changed', (list) => useProfiles.setState({ list }));
}

import type { ConnectionTestOptions } from './connection-test/run-connection-test.ts';
import { runConnectionTest } from './connection-test/run-connection-test.ts';
import { defineArea } from '../define-area.ts';
import { SIMULATOR_PROFILE_ID } from '../../kernel/profiles/builtin-simulator.ts';

/** profiles.*: the catalog, the active profile and credentials of the kernel, plus the connection test. */
export const profilesArea = (connectionTest: Omit<ConnectionTestOptions, 'recorder'> = {}) =>
  defineArea({
    name: 'profiles',
    create: (kernel) => {
      const { profiles, active, credentials, scopes } = kernel;
      return {
        handlers: {
          profiles: {
            list: () => kernel.profileList(),
            create: ({ settings }) => profiles.create(settings),
            update: ({ profileId, settings }) => profiles.update(profileId, settings),
            updateSimulator: ({ settings }) => profiles.updateSimulator(settings),
            duplicate: ({ profileId, name }) => profiles.duplicate(profileId, name),
            async delete({ profileId }) {
              const profile = profiles.assertEditable(profileId, 'deleted');
              // Secrets first: if the keychain cannot remove them, nothing else is touched and the operator
              // can retry, instead of leaving credentials behind for a profile that no longer exists.
              await credentials.forget(profile.id);
              if (active.id() === profile.id) await active.set(SIMULATOR_PROFILE_ID);
              // Its jobs stop, its client's pool closes, its queued calls are written, then its files go.
              const removedFiles = await scopes.delete(profile.id);
              profiles.remove(profile.id, { environment: profile.environment, removedFiles });
              return { deleted: true as const, removedFiles };
            },
            async setActive({ profileId }) {
              await active.set(profileId);
              return kernel.profileList();
            },
            setSecret: ({ profileId, kind, value }) => credentials.setSecret(profileId, kind, value),
            clearSecret: ({ profileId, kind }) => credentials.clearSecret(profileId, kind),
            export: (input) => profiles.exportProfiles(input?.profileIds),
            import: ({ json }) => profiles.importProfiles(json),
            testConnection: ({ profileId }) =>
              runConnectionTest(credentials.connectionFor(profileId), {
                ...connectionTest,
                recorder: scopes.get(profileId).recorder,
              }),
            dismissWelcome() {
              kernel.settings.dismissWelcome(new Date(kernel.clock.now()));
              profiles.announce();
              return kernel.profileList();
            },
          },
        },
      };
    },
  });

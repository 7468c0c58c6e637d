import type { ConnectionTestReport } from '../../../shared/contract/profiles.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { ProfileService } from '../../kernel/profiles/profile-service.ts';

export interface ProfileHandlerDeps {
  profiles: ProfileService;
  testConnection(profileId: string): Promise<ConnectionTestReport>;
}

export function createProfileHandlers({ profiles, testConnection }: ProfileHandlerDeps): Handlers['profiles'] {
  return {
    list: () => profiles.list(),
    create: ({ settings }) => profiles.create(settings),
    update: ({ profileId, settings }) => profiles.update(profileId, settings),
    updateSimulator: ({ settings }) => profiles.updateSimulator(settings),
    duplicate: ({ profileId, name }) => profiles.duplicate(profileId, name),
    delete: ({ profileId }) => profiles.delete(profileId),
    setActive: ({ profileId }) => profiles.setActive(profileId),
    setSecret: ({ profileId, kind, value }) => profiles.setSecret(profileId, kind, value),
    clearSecret: ({ profileId, kind }) => profiles.clearSecret(profileId, kind),
    export: (input) => profiles.exportProfiles(input?.profileIds),
    import: ({ json }) => profiles.importProfiles(json),
    testConnection: ({ profileId }) => testConnection(profileId),
    dismissWelcome: () => profiles.dismissWelcome(),
  };
}

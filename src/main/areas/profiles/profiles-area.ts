import type Database from 'better-sqlite3';
import type { ConnectionTestReport } from '../../../shared/contract/profiles.ts';
import { createAuditHandlers } from '../audit/audit-handlers.ts';
import { createAuditLog, type AuditLog } from '../../kernel/audit/audit-log.ts';
import { createConfirmationTokens, type ConfirmationTokenOptions } from '../../kernel/guard/confirmation-tokens.ts';
import { createGuardHandlers } from '../guard/guard-handlers.ts';
import { createProductionGuard, type OperationGuard } from '../../kernel/guard/production-guard.ts';
import type { Handlers } from '../../ipc/router.ts';
import { createKeytarVault } from '../../kernel/vault/keytar-vault.ts';
import type { SecretVault } from '../../kernel/vault/secret-vault.ts';
import type { EnvironmentBaseUrls } from '../../kernel/profiles/base-url-policy.ts';
import { createProfileHandlers } from './profile-handlers.ts';
import { createProfileService, type ProfileService } from '../../kernel/profiles/profile-service.ts';

export interface ProfilesAreaOptions {
  appDb: Database.Database;
  dataDir: string;
  /** The OS keychain (keytar) unless a test injects another vault. */
  vault?: SecretVault;
  simulatorBaseUrl(): string;
  environmentBaseUrls?: EnvironmentBaseUrls;
  deleteProfileData?: (profileId: string) => void | Promise<void>;
  confirmation?: ConfirmationTokenOptions;
  testConnection(profiles: ProfileService, profileId: string): Promise<ConnectionTestReport>;
  onProfilesChanged(list: ReturnType<ProfileService['list']>): void;
  onListenerError?: (where: string, error: unknown) => void;
  now?: () => Date;
}

export interface ProfilesArea {
  readonly profiles: ProfileService;
  readonly audit: AuditLog;
  readonly vault: SecretVault;
  /** For RouterOptions.guard: the production guard of every `confirmOnProduction` operation. */
  readonly guard: OperationGuard;
  readonly handlers: Pick<Handlers, 'profiles' | 'guard' | 'audit'>;
}

/** Profiles, keychain vault, production guard and audit log, assembled for the console core. */
export function createProfilesArea(options: ProfilesAreaOptions): ProfilesArea {
  const vault = options.vault ?? createKeytarVault();
  const audit = createAuditLog(options.appDb, { now: options.now });
  const profiles = createProfileService({
    db: options.appDb,
    dataDir: options.dataDir,
    vault,
    audit,
    simulatorBaseUrl: options.simulatorBaseUrl,
    environmentBaseUrls: options.environmentBaseUrls,
    deleteProfileData: options.deleteProfileData,
    onListenerError: options.onListenerError,
    now: options.now,
  });
  profiles.onChanged(options.onProfilesChanged);
  const tokens = createConfirmationTokens(options.confirmation);
  return {
    profiles,
    audit,
    vault,
    guard: createProductionGuard({ profiles, tokens, audit }),
    handlers: {
      profiles: createProfileHandlers({
        profiles,
        testConnection: (profileId) => options.testConnection(profiles, profileId),
      }),
      guard: createGuardHandlers({ profiles, tokens, audit }),
      audit: createAuditHandlers(audit, options.now),
    },
  };
}

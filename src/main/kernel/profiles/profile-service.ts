import type Database from 'better-sqlite3';
import { ulid } from 'ulid';
import type {
  Profile,
  ProfileList,
  ProfileSettings,
  SecretKind,
  SecretStatus,
} from '../../../shared/contract/profiles.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import type { SecretVault } from '../vault/secret-vault.ts';
import { createAppSettingsRepository } from './app-settings-repository.ts';
import { checkSettingsBaseUrl, resolveBaseUrl, type EnvironmentBaseUrls } from './base-url-policy.ts';
import { builtinSimulatorRecord, SIMULATOR_CREDENTIALS, SIMULATOR_PROFILE_ID } from './builtin-simulator.ts';
import { profileDataFiles, removeProfileDataFiles } from './profile-data-files.ts';
import type { ProfileRecord } from './profile-record.ts';
import { createProfileRepository } from './profile-repository.ts';
import { parseExportJson, toExportJson } from './profile-transfer.ts';
import { createSecretStatusRepository, type SecretStatuses } from './secret-status-repository.ts';

export type SimulatorSettings = Pick<
  ProfileSettings,
  'colour' | 'walletMinimum' | 'polling' | 'rateLimits' | 'webhookReceiver'
>;
export type ActiveProfileListener = (active: Profile, previous: Profile) => void | Promise<void>;
export type ProfileDeletingListener = (profile: Profile) => void | Promise<void>;

export interface ProfileServiceOptions {
  db: Database.Database;
  dataDir: string;
  vault: SecretVault;
  audit: AuditLog;
  simulatorBaseUrl(): string;
  /** Tests point staging/production at a local simulator; the app never sets this. */
  environmentBaseUrls?: EnvironmentBaseUrls;
  /** Removes a deleted profile's history (closing it first); defaults to removing its files. */
  deleteProfileData?: (profileId: string) => void | Promise<void>;
  now?: () => Date;
  newId?: () => string;
  /** A listener of onActiveProfileChanged/onProfileDeleting failed; the switch itself stands. */
  onListenerError?: (where: string, error: unknown) => void;
}

export interface ProfileService {
  list(): ProfileList;
  get(profileId: string): Profile;
  activeProfileId(): string;
  active(): Profile;
  create(settings: ProfileSettings): Profile;
  update(profileId: string, settings: ProfileSettings): Profile;
  updateSimulator(settings: SimulatorSettings): Profile;
  duplicate(profileId: string, name?: string): Profile;
  delete(profileId: string): Promise<{ deleted: true; removedFiles: number }>;
  setActive(profileId: string): Promise<ProfileList>;
  setSecret(profileId: string, kind: SecretKind, value: string): Promise<SecretStatus>;
  clearSecret(profileId: string, kind: SecretKind): Promise<SecretStatus>;
  exportProfiles(profileIds?: readonly string[]): { fileName: string; json: string };
  importProfiles(json: string): { created: Profile[] };
  dismissWelcome(): ProfileList;
  /** For main's services only (webhook verification): read when needed, never kept. */
  secretFor(profileId: string, kind: SecretKind): Promise<string | null>;
  connectionFor(profileId: string): HubbleConnection;
  onActiveProfileChanged(listener: ActiveProfileListener): () => void;
  onProfileDeleting(listener: ProfileDeletingListener): () => void;
  onChanged(listener: (list: ProfileList) => void): () => void;
}

const SETTINGS_FIELDS = [
  'name',
  'clientId',
  'colour',
  'walletMinimum',
  'polling',
  'rateLimits',
  'webhookReceiver',
] as const;
const SECRET_KINDS: readonly SecretKind[] = ['clientSecret', 'webhookSecret'];
const SECRET_LABELS: Record<SecretKind, string> = { clientSecret: 'client secret', webhookSecret: 'webhook secret' };

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Profiles, the active profile and their secrets. Every change is written to app.db, audited, and
 * announced (onChanged → 'profiles.changed'); switching also tells the per-profile services
 * (onActiveProfileChanged) so nothing of one profile keeps running against another's history.
 */
export function createProfileService(options: ProfileServiceOptions): ProfileService {
  const { db, vault, audit } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => ulid());
  const profiles = createProfileRepository(db);
  const secrets = createSecretStatusRepository(db);
  const settings = createAppSettingsRepository(db);
  const activeListeners = new Set<ActiveProfileListener>();
  const deletingListeners = new Set<ProfileDeletingListener>();
  const changeListeners = new Set<(list: ProfileList) => void>();
  const deleteProfileData =
    options.deleteProfileData ?? ((profileId: string) => removeProfileDataFiles(options.dataDir, profileId));
  const reportListenerError = options.onListenerError ?? (() => undefined);

  profiles.insert(builtinSimulatorRecord(now().toISOString()), { ignoreExisting: true });

  const toProfile = (record: ProfileRecord): Profile => {
    const builtIn = record.id === SIMULATOR_PROFILE_ID;
    const statuses: SecretStatuses = secrets.of(record.id);
    return {
      id: record.id,
      name: record.name,
      environment: record.environment,
      baseUrl: resolveBaseUrl(record.environment, record.customBaseUrl, {
        simulatorBaseUrl: options.simulatorBaseUrl,
        overrides: options.environmentBaseUrls,
      }),
      colour: record.colour,
      builtIn,
      clientId: record.clientId,
      walletMinimum: record.walletMinimum,
      polling: record.polling,
      rateLimits: record.rateLimits,
      webhookReceiver: record.webhookReceiver,
      credentialSource: builtIn ? 'built-in' : 'keychain',
      secrets: statuses,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  };

  const recordOf = (profileId: string): ProfileRecord => {
    const record = profiles.find(profileId);
    if (!record)
      throw new AppError('NOT_FOUND', 'No such profile; it may have been deleted in another window.', { profileId });
    return record;
  };

  const editableRecordOf = (profileId: string, action: string): ProfileRecord => {
    const record = recordOf(profileId);
    if (record.id === SIMULATOR_PROFILE_ID)
      throw new AppError('VALIDATION', `The built-in Simulator profile cannot be ${action}.`);
    return record;
  };

  const activeProfileId = (): string => {
    const stored = settings.get('activeProfileId');
    return stored && profiles.find(stored) ? stored : SIMULATOR_PROFILE_ID;
  };

  const list = (): ProfileList => ({
    activeProfileId: activeProfileId(),
    profiles: profiles.all().map(toProfile),
    welcomeDismissed: settings.get('welcomeDismissedAt') !== null,
  });

  const announce = () => {
    const current = list();
    for (const listener of changeListeners) listener(current);
    return current;
  };

  const assertNameFree = (name: string, exceptId?: string) => {
    const holder = profiles.findByName(name);
    if (holder && holder.id !== exceptId) {
      throw new AppError(
        'CONFLICT',
        `A profile named “${holder.name}” already exists; names must differ so profiles cannot be confused.`,
        {
          issues: [{ path: 'settings.name', message: 'This name is taken' }],
        },
      );
    }
  };

  // Only one profile may listen on a port; two receivers on one port would steal each other's webhooks.
  const assertPortFree = (receiver: ProfileSettings['webhookReceiver'], exceptId?: string) => {
    if (!receiver.enabled) return;
    const holder = profiles
      .all()
      .find(
        (other) =>
          other.id !== exceptId && other.webhookReceiver.enabled && other.webhookReceiver.port === receiver.port,
      );
    if (holder) {
      throw new AppError('CONFLICT', `Port ${receiver.port} already receives webhooks for “${holder.name}”.`, {
        issues: [{ path: 'settings.webhookReceiver.port', message: 'This port is in use by another profile' }],
      });
    }
  };

  const uniqueName = (base: string) => {
    if (!profiles.findByName(base)) return base;
    for (let n = 2; ; n += 1) {
      const candidate = `${base.slice(0, 50)} ${n}`;
      if (!profiles.findByName(candidate)) return candidate;
    }
  };

  const newRecord = (input: ProfileSettings, customBaseUrl: string | null, id = newId()): ProfileRecord => {
    const at = now().toISOString();
    return {
      id,
      name: input.name,
      environment: input.environment,
      customBaseUrl,
      clientId: input.clientId,
      colour: input.colour,
      walletMinimum: input.walletMinimum,
      polling: input.polling,
      rateLimits: input.rateLimits,
      webhookReceiver: input.webhookReceiver,
      createdAt: at,
      updatedAt: at,
    };
  };

  const insertNew = (input: ProfileSettings): ProfileRecord => {
    const customBaseUrl = checkSettingsBaseUrl(input.environment, input.baseUrl, options.environmentBaseUrls);
    assertNameFree(input.name);
    assertPortFree(input.webhookReceiver);
    const record = newRecord(input, customBaseUrl);
    profiles.insert(record);
    return record;
  };

  const settingsOf = (record: ProfileRecord): ProfileSettings => ({
    name: record.name,
    environment: record.environment === 'simulator' ? 'custom' : record.environment,
    baseUrl: record.customBaseUrl,
    clientId: record.clientId,
    colour: record.colour,
    walletMinimum: record.walletMinimum,
    polling: record.polling,
    rateLimits: record.rateLimits,
    webhookReceiver: record.webhookReceiver,
  });

  const auditOf = (record: ProfileRecord) => ({ profileId: record.id, profileName: record.name });

  const notifyActiveChanged = async (active: Profile, previous: Profile) => {
    for (const listener of activeListeners) {
      try {
        await listener(active, previous);
      } catch (error) {
        reportListenerError('onActiveProfileChanged', error);
      }
    }
  };

  const secretFor = async (profileId: string, kind: SecretKind): Promise<string | null> => {
    const record = recordOf(profileId);
    if (record.id === SIMULATOR_PROFILE_ID) return SIMULATOR_CREDENTIALS[kind];
    if (!secrets.of(record.id)[kind].set) return null;
    return vault.get(record.id, kind);
  };

  const setActive = async (profileId: string): Promise<ProfileList> => {
    const target = toProfile(recordOf(profileId));
    const previousId = activeProfileId();
    if (previousId === target.id) return list();
    const previous = toProfile(recordOf(previousId));
    settings.set('activeProfileId', target.id);
    audit.record({
      action: 'profile.activated',
      profileId: target.id,
      profileName: target.name,
      details: { environment: target.environment, from: previous.name },
    });
    await notifyActiveChanged(target, previous);
    return announce();
  };

  return {
    list,
    get: (profileId) => toProfile(recordOf(profileId)),
    activeProfileId,
    active: () => toProfile(recordOf(activeProfileId())),

    create(input) {
      const record = insertNew(input);
      audit.record({
        action: 'profile.created',
        ...auditOf(record),
        details: { environment: record.environment, clientId: record.clientId },
      });
      announce();
      return toProfile(record);
    },

    update(profileId, input) {
      const existing = editableRecordOf(profileId, 'renamed or re-pointed; change its monitoring settings instead');
      if (input.environment !== existing.environment) {
        throw new AppError(
          'VALIDATION',
          'A profile’s environment is fixed: its history belongs to that environment. Duplicate it or create a new profile instead.',
          { issues: [{ path: 'settings.environment', message: 'The environment cannot change' }] },
        );
      }
      const customBaseUrl = checkSettingsBaseUrl(input.environment, input.baseUrl, options.environmentBaseUrls);
      assertNameFree(input.name, existing.id);
      assertPortFree(input.webhookReceiver, existing.id);
      const next: ProfileRecord = { ...newRecord(input, customBaseUrl, existing.id), createdAt: existing.createdAt };
      const before = settingsOf(existing);
      const after = settingsOf(next);
      const changed = [...SETTINGS_FIELDS, 'baseUrl' as const].filter(
        (field) => !sameValue(before[field], after[field]),
      );
      if (changed.length === 0) return toProfile(existing);
      profiles.update(next);
      audit.record({
        action: 'profile.updated',
        ...auditOf(next),
        details: { changed, ...(existing.name !== next.name ? { previousName: existing.name } : {}) },
      });
      announce();
      return toProfile(next);
    },

    updateSimulator(input) {
      const existing = recordOf(SIMULATOR_PROFILE_ID);
      assertPortFree(input.webhookReceiver, existing.id);
      const next: ProfileRecord = { ...existing, ...input, updatedAt: now().toISOString() };
      const changed = (['colour', 'walletMinimum', 'polling', 'rateLimits', 'webhookReceiver'] as const).filter(
        (field) => !sameValue(existing[field], next[field]),
      );
      if (changed.length === 0) return toProfile(existing);
      profiles.update(next);
      audit.record({ action: 'profile.updated', ...auditOf(next), details: { changed } });
      announce();
      return toProfile(next);
    },

    duplicate(profileId, name) {
      const source = editableRecordOf(
        profileId,
        'duplicated; create a Custom profile that points at a simulator instead',
      );
      const copyName = name ?? uniqueName(`${source.name} (copy)`);
      // The copy starts without secrets (keys of one environment must never leak into another profile)
      // and with its receiver off, so two profiles never claim the same port.
      const record = insertNew({
        ...settingsOf(source),
        name: copyName,
        webhookReceiver: { ...source.webhookReceiver, enabled: false },
      });
      audit.record({
        action: 'profile.duplicated',
        ...auditOf(record),
        details: { from: source.name, fromProfileId: source.id },
      });
      announce();
      return toProfile(record);
    },

    async delete(profileId) {
      const record = editableRecordOf(profileId, 'deleted');
      const profile = toProfile(record);
      // Secrets first: if the keychain cannot remove them, nothing else is touched and the operator
      // can retry, instead of leaving credentials behind for a profile that no longer exists.
      for (const kind of SECRET_KINDS) {
        try {
          await vault.delete(record.id, kind);
        } catch (error) {
          // A keychain that is unreachable cannot hold what was never stored there.
          if (profile.secrets[kind].set) throw error;
        }
      }
      if (activeProfileId() === record.id) await setActive(SIMULATOR_PROFILE_ID);
      for (const listener of deletingListeners) {
        try {
          await listener(profile);
        } catch (error) {
          reportListenerError('onProfileDeleting', error);
        }
      }
      const filesBefore = profileDataFiles(options.dataDir, record.id).length;
      await deleteProfileData(record.id);
      const removedFiles = filesBefore - profileDataFiles(options.dataDir, record.id).length;
      profiles.remove(record.id);
      audit.record({
        action: 'profile.deleted',
        ...auditOf(record),
        details: { environment: record.environment, removedFiles },
      });
      announce();
      return { deleted: true as const, removedFiles };
    },

    setActive,

    async setSecret(profileId, kind, value) {
      const record = editableRecordOf(profileId, 'given secrets: it uses the simulator’s demo credentials');
      // Pasted secrets often carry a trailing newline or spaces that were never part of the secret.
      const secret = value.trim();
      if (!secret) throw new AppError('VALIDATION', `The ${SECRET_LABELS[kind]} is empty.`);
      await vault.set(record.id, kind, secret);
      const status = secrets.markSet(record.id, kind, now().toISOString());
      audit.record({ action: 'secret.set', ...auditOf(record), details: { kind, keychain: vault.description } });
      announce();
      return status;
    },

    async clearSecret(profileId, kind) {
      const record = editableRecordOf(profileId, 'given secrets');
      await vault.delete(record.id, kind);
      const status = secrets.markCleared(record.id, kind);
      audit.record({ action: 'secret.cleared', ...auditOf(record), details: { kind } });
      announce();
      return status;
    },

    exportProfiles(profileIds) {
      const wanted = profileIds ? new Set(profileIds) : null;
      const chosen = profiles
        .all()
        .filter((record) => record.id !== SIMULATOR_PROFILE_ID && (!wanted || wanted.has(record.id)));
      if (chosen.length === 0)
        throw new AppError(
          'VALIDATION',
          'There is no profile to export yet (the built-in Simulator is never exported).',
        );
      const exportedAt = now().toISOString();
      const json = toExportJson(chosen.map(settingsOf), exportedAt);
      audit.record({
        action: 'profile.exported',
        details: { count: chosen.length, profiles: chosen.map((record) => record.name) },
      });
      return { fileName: `hubble-profiles-${exportedAt.slice(0, 10)}.json`, json };
    },

    importProfiles(json) {
      const incoming = parseExportJson(json);
      const created = db.transaction(() =>
        incoming.map((input) =>
          insertNew({
            ...input,
            name: uniqueName(input.name),
            // A receiver opens a port on this machine: an admin turns it on here, not a shared file.
            webhookReceiver: { ...input.webhookReceiver, enabled: false },
          }),
        ),
      )();
      for (const record of created) {
        audit.record({ action: 'profile.imported', ...auditOf(record), details: { environment: record.environment } });
      }
      announce();
      return { created: created.map(toProfile) };
    },

    dismissWelcome() {
      if (settings.get('welcomeDismissedAt') === null) settings.set('welcomeDismissedAt', now().toISOString());
      return announce();
    },

    secretFor,

    connectionFor(profileId) {
      const profile = toProfile(recordOf(profileId));
      return {
        profileId: profile.id,
        environment: profile.environment,
        baseUrl: profile.baseUrl,
        clientId: profile.clientId,
        async clientSecret() {
          const secret = await secretFor(profile.id, 'clientSecret');
          if (!secret) {
            throw new AppError(
              'VALIDATION',
              `“${profile.name}” has no client secret yet: set it on the Profiles page.`,
              { profileId: profile.id },
            );
          }
          return secret;
        },
      };
    },

    onActiveProfileChanged(listener) {
      activeListeners.add(listener);
      return () => activeListeners.delete(listener);
    },
    onProfileDeleting(listener) {
      deletingListeners.add(listener);
      return () => deletingListeners.delete(listener);
    },
    onChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
}

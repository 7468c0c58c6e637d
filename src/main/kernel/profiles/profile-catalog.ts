import type Database from 'better-sqlite3';
import { ulid } from 'ulid';
import type { Profile, ProfileSettings } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import {
  checkSettingsBaseUrl,
  effectiveEnvironment,
  resolveBaseUrl,
  type EnvironmentBaseUrls,
} from './base-url-policy.ts';
import { builtinSimulatorRecord, SIMULATOR_PROFILE_ID } from './builtin-simulator.ts';
import type { ProfileRecord } from './profile-record.ts';
import { createProfileRepository } from './profile-repository.ts';
import { assertDistinctName, copyNameFor, findConfusable, freeNameFor } from './profile-names.ts';
import { assertRoomForProfiles, parseExportJson, toExportJson } from './profile-transfer.ts';
import type { SecretStatusRepository } from './secret-status-repository.ts';

export type SimulatorSettings = Pick<
  ProfileSettings,
  'colour' | 'walletMinimum' | 'polling' | 'rateLimits' | 'webhookReceiver'
>;

/**
 * A check that an area adds to every profile write (e.g. the webhook receiver's port policy). It sees the
 * settings about to be stored and every other profile, and refuses by throwing an AppError.
 */
export type ProfileSettingsRule = (
  settings: Pick<ProfileSettings, 'name' | 'webhookReceiver'>,
  others: readonly ProfileRecord[],
) => void;

export interface ProfileCatalogOptions {
  db: Database.Database;
  audit: AuditLog;
  secretStatuses: SecretStatusRepository;
  simulatorBaseUrl(): string;
  /** Tests point staging/production at a local simulator; the app never sets this. */
  environmentBaseUrls?: EnvironmentBaseUrls;
  now?: () => Date;
  newId?: () => string;
}

export interface ProfileCatalog {
  all(): Profile[];
  /** Throws NOT_FOUND for an unknown id. */
  get(profileId: string): Profile;
  exists(profileId: string): boolean;
  create(settings: ProfileSettings): Profile;
  update(profileId: string, settings: ProfileSettings): Profile;
  updateSimulator(settings: SimulatorSettings): Profile;
  duplicate(profileId: string, name?: string): Profile;
  /** Removes the record only; the profiles area first clears its secrets and closes its scope. */
  remove(profileId: string, details: Record<string, unknown>): void;
  /** Throws VALIDATION for the built-in Simulator, which cannot be `action`. */
  assertEditable(profileId: string, action: string): Profile;
  exportProfiles(profileIds?: readonly string[]): { fileName: string; json: string };
  importProfiles(json: string): { created: Profile[] };
  addRule(rule: ProfileSettingsRule): () => void;
  /** Fires after every change to the list (create, update, delete, secrets…). */
  onChanged(listener: () => void): () => void;
  /** For the other kernel parts whose changes show in a Profile (secret statuses). */
  announce(): void;
}

const SETTINGS_FIELDS = [
  'name',
  'clientId',
  'colour',
  'walletMinimum',
  'polling',
  'rateLimits',
  'webhookReceiver',
  'baseUrl',
] as const;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

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

/** The profiles themselves in app.db: create, edit, duplicate, import/export, every change audited. */
export function createProfileCatalog(options: ProfileCatalogOptions): ProfileCatalog {
  const { db, audit } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => ulid());
  const records = createProfileRepository(db);
  const rules = new Set<ProfileSettingsRule>();
  const listeners = new Set<() => void>();

  records.insert(builtinSimulatorRecord(now().toISOString()), { ignoreExisting: true });

  const toProfile = (record: ProfileRecord): Profile => {
    const builtIn = record.id === SIMULATOR_PROFILE_ID;
    return {
      id: record.id,
      name: record.name,
      // A Custom profile stored before host normalisation that reaches Hubble's production host is production.
      environment: effectiveEnvironment(record.environment, record.customBaseUrl),
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
      secrets: options.secretStatuses.of(record.id),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  };

  const recordOf = (profileId: string): ProfileRecord => {
    const record = records.find(profileId);
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

  const announce = () => {
    for (const listener of listeners) listener();
  };

  // Names that differ only by look-alike characters, case or invisible marks are refused: operators must be able
  // to tell "Acme Production" from "Acme Pr\u043eduction" at a glance.
  const assertNameFree = (name: string, exceptId?: string) => assertDistinctName(name, records.all(), exceptId);
  const nameTaken = (name: string) =>
    findConfusable(
      name,
      records.all().map((record) => record.name),
    ) !== null;
  const operatorProfiles = () => records.all().filter((record) => record.id !== SIMULATOR_PROFILE_ID).length;

  const applyRules = (settings: Pick<ProfileSettings, 'name' | 'webhookReceiver'>, exceptId?: string) => {
    const others = records.all().filter((record) => record.id !== exceptId);
    for (const rule of rules) rule(settings, others);
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
    assertRoomForProfiles(operatorProfiles(), 1);
    const customBaseUrl = checkSettingsBaseUrl(input.environment, input.baseUrl, options.environmentBaseUrls);
    assertNameFree(input.name);
    applyRules(input);
    const record = newRecord(input, customBaseUrl);
    records.insert(record);
    return record;
  };

  return {
    all: () => records.all().map(toProfile),
    get: (profileId) => toProfile(recordOf(profileId)),
    exists: (profileId) => records.find(profileId) !== undefined,
    assertEditable: (profileId, action) => toProfile(editableRecordOf(profileId, action)),

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
      applyRules(input, existing.id);
      const next: ProfileRecord = { ...newRecord(input, customBaseUrl, existing.id), createdAt: existing.createdAt };
      const before = settingsOf(existing);
      const after = settingsOf(next);
      const changed = SETTINGS_FIELDS.filter((field) => !sameValue(before[field], after[field]));
      if (changed.length === 0) return toProfile(existing);
      records.update(next);
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
      applyRules({ name: existing.name, webhookReceiver: input.webhookReceiver }, existing.id);
      const next: ProfileRecord = { ...existing, ...input, updatedAt: now().toISOString() };
      const changed = (['colour', 'walletMinimum', 'polling', 'rateLimits', 'webhookReceiver'] as const).filter(
        (field) => !sameValue(existing[field], next[field]),
      );
      if (changed.length === 0) return toProfile(existing);
      records.update(next);
      audit.record({ action: 'profile.updated', ...auditOf(next), details: { changed } });
      announce();
      return toProfile(next);
    },

    duplicate(profileId, name) {
      const source = editableRecordOf(
        profileId,
        'duplicated; create a Custom profile that points at a simulator instead',
      );
      const copyName = name ?? copyNameFor(source.name, nameTaken);
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

    remove(profileId, details) {
      const record = editableRecordOf(profileId, 'deleted');
      records.remove(record.id);
      audit.record({ action: 'profile.deleted', ...auditOf(record), details });
      announce();
    },

    exportProfiles(profileIds) {
      const wanted = profileIds ? new Set(profileIds) : null;
      const chosen = records
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
      assertRoomForProfiles(operatorProfiles(), incoming.length);
      const created = db.transaction(() =>
        incoming.map((input) =>
          insertNew({
            ...input,
            name: freeNameFor(input.name, nameTaken),
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

    addRule(rule) {
      rules.add(rule);
      return () => rules.delete(rule);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce,
  };
}

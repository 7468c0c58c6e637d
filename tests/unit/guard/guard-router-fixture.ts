import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createGuardHandlers } from '../../../src/main/areas/guard/guard-handlers.ts';
import { createIpcRouter, type Handlers, type IpcRouter } from '../../../src/main/ipc/router.ts';
import { createAuditLog, type AuditLog } from '../../../src/main/kernel/audit/audit-log.ts';
import { createConfirmationTokens } from '../../../src/main/kernel/guard/confirmation-tokens.ts';
import { createProductionGuard } from '../../../src/main/kernel/guard/production-guard.ts';
import { appMigrations } from '../../../src/main/store/app-migrations/index.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';
import {
  defaultProfileSettings,
  HUBBLE_BASE_URLS,
  type Environment,
  type Profile,
} from '../../../src/shared/contract/profiles.ts';

export const ctx = { shell: 'browser-harness' } as const;

export interface GuardRouterFixture {
  router: IpcRouter;
  audit: AuditLog;
  appDb: Database.Database;
  clock: { now: number };
  /** Channels whose handler ran, in order: a refused operation never appears here. */
  handled: string[];
  add(environment: Environment, name: string, baseUrl?: string): Profile;
  close(): void;
}

/**
 * The real router, production guard, confirmation tokens and guard.confirm over a real app.db audit log.
 * Profiles are plain objects (the guard only reads them); every other handler just notes that it ran.
 */
export function guardRouterFixture(): GuardRouterFixture {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-router-'));
  const appDb = openDatabase(path.join(dataDir, 'app.db'), appMigrations);
  const clock = { now: Date.parse('2025-06-01T10:00:00.000Z') };
  const audit = createAuditLog(appDb, { now: () => new Date(clock.now), user: () => 'ops' });
  const known = new Map<string, Profile>();
  const profiles = {
    get(profileId: string) {
      const profile = known.get(profileId);
      if (!profile) throw new Error(`no profile ${profileId}`);
      return profile;
    },
    activeProfileId: () => 'simulator-1',
  };
  const tokens = createConfirmationTokens({ now: () => clock.now });
  const handled: string[] = [];
  const all: Record<string, Record<string, unknown>> = {
    guard: createGuardHandlers({ profiles, tokens, audit }) as unknown as Record<string, unknown>,
  };
  for (const channel of listChannels()) {
    const [area, name] = channel.split('.') as [string, string];
    all[area] ??= {};
    all[area][name] ??= (input: { profileId?: string } | undefined) => {
      handled.push(channel);
      // Shaped like what these operations answer, so the router's output check passes.
      return channel === 'profiles.update' ? profiles.get(input?.profileId ?? '') : { set: false, updatedAt: null };
    };
  }
  const router = createIpcRouter(all as unknown as Handlers, {
    guard: createProductionGuard({ profiles, tokens, audit }),
  });
  const add = (environment: Environment, name: string, baseUrl?: string): Profile => {
    const settings = defaultProfileSettings(environment === 'simulator' ? 'custom' : environment, name);
    const profile: Profile = {
      ...settings,
      id: `${environment}-${known.size + 1}`,
      environment,
      baseUrl:
        baseUrl ??
        (environment === 'production' || environment === 'staging'
          ? HUBBLE_BASE_URLS[environment]
          : 'https://proxy.example.com'),
      builtIn: false,
      clientId: `${environment}-client`,
      credentialSource: 'keychain',
      secrets: {
        clientSecret: { set: false, updatedAt: null },
        webhookSecret: { set: false, updatedAt: null },
        teamDbPassword: { set: false, updatedAt: null },
      },
      createdAt: 't',
      updatedAt: 't',
    };
    known.set(profile.id, profile);
    return profile;
  };
  add('simulator', 'Simulator');
  return {
    router,
    audit,
    appDb,
    clock,
    handled,
    add,
    close() {
      appDb.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

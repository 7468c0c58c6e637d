import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuditHandlers } from '../../../src/main/areas/audit/audit-handlers.ts';
import { createIpcRouter, type Handlers, type IpcRouter } from '../../../src/main/ipc/router.ts';
import { createAuditLog, type AuditLog } from '../../../src/main/kernel/audit/audit-log.ts';
import { createAuditRetention, type AuditRetention } from '../../../src/main/kernel/audit/audit-retention.ts';
import { appMigrations } from '../../../src/main/store/app-migrations/index.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { DEFAULT_AUDIT_RETENTION_DAYS } from '../../../src/shared/contract/audit.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';

const ctx = { shell: 'browser-harness' } as const;
const DAY_MS = 86_400_000;

interface AuditFixture {
  dir: string;
  db: Database.Database;
  audit: AuditLog;
  retention: AuditRetention;
  router: IpcRouter;
  clock: { now: number };
}

let fixture: AuditFixture | undefined;
afterEach(() => {
  fixture?.retention.stop();
  fixture?.db.close();
  if (fixture) fs.rmSync(fixture.dir, { recursive: true, force: true });
  fixture = undefined;
});

/** audit.* handlers over a real app.db behind the real router; one profile, `p1`, exists. */
function auditFixture(
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-area-')),
  clock = { now: Date.parse('2025-06-01T10:00:00.000Z') },
): AuditFixture {
  const db = openDatabase(path.join(dir, 'app.db'), appMigrations);
  const now = () => new Date(clock.now);
  const audit = createAuditLog(db, { now, user: () => 'ops' });
  const retention = createAuditRetention({ db, now });
  const handlers: Record<string, Record<string, unknown>> = {
    audit: createAuditHandlers(audit, { profileExists: (id) => id === 'p1', retention, now }) as unknown as Record<
      string,
      unknown
    >,
  };
  for (const channel of listChannels()) {
    const [area, name] = channel.split('.') as [string, string];
    handlers[area] ??= {};
    handlers[area][name] ??= () => {
      throw new Error(`${channel} is not part of this fixture`);
    };
  }
  fixture = { dir, db, audit, retention, router: createIpcRouter(handlers as unknown as Handlers), clock };
  return fixture;
}

const value = async <T>(channel: string, input?: unknown): Promise<T> =>
  valueOrThrow<T>(channel, await fixture!.router.dispatch(channel, input, ctx));

describe('audit.export checks the profile the renderer names', () => {
  it('refuses an id that names no profile, and writes nothing to the log', async () => {
    const { router, audit } = auditFixture();
    for (const profileId of ['no-such-profile', '=cmd|"/c calc"!A1', 'x'.repeat(100)]) {
      expect(await router.dispatch('audit.export', { format: 'csv', profileId }, ctx)).toMatchObject({
        ok: false,
        error: { kind: 'NOT_FOUND' },
      });
    }
    expect(audit.all()).toEqual([]);
  });

  it('exports an existing profile’s entries, and those of a deleted profile the log still names', async () => {
    const { audit } = auditFixture();
    audit.record({ action: 'profile.created', profileId: 'p1', profileName: 'Acme' });
    audit.record({ action: 'profile.deleted', profileId: 'gone', profileName: 'Old' });
    expect(await value('audit.export', { format: 'json', profileId: 'p1' })).toMatchObject({ count: 1 });
    expect(await value('audit.export', { format: 'json', profileId: 'gone' })).toMatchObject({ count: 1 });
    expect(audit.list()[0]).toMatchObject({ action: 'audit.exported', profileId: 'gone' });
  });
});

describe('audit retention', () => {
  it('keeps a year by default and deletes on start what is older', () => {
    const { audit, retention, clock } = auditFixture();
    audit.record({ action: 'profile.created', profileId: 'p1' });
    clock.now += DEFAULT_AUDIT_RETENTION_DAYS * DAY_MS + 1;
    audit.record({ action: 'profile.updated', profileId: 'p1' });
    expect(retention.days()).toBe(DEFAULT_AUDIT_RETENTION_DAYS);
    retention.start();
    expect(audit.all().map((entry) => entry.action)).toEqual(['profile.updated']);
  });

  it('counts from an entry’s latest occurrence, so a refusal still repeating is kept', () => {
    const { audit, retention, clock } = auditFixture();
    audit.record({ action: 'guard.refused', profileId: 'p1', details: { operation: 'profiles.delete' } });
    clock.now += 60_000;
    audit.record({ action: 'guard.refused', profileId: 'p1', details: { operation: 'profiles.delete' } });
    clock.now += DEFAULT_AUDIT_RETENTION_DAYS * DAY_MS - 30_000;
    expect(retention.apply()).toBe(0);
    clock.now += 60_000;
    expect(retention.apply()).toBe(1);
  });

  it('is set through the contract, applied at once, audited and remembered across a restart', async () => {
    const { audit, clock, dir } = auditFixture();
    audit.record({ action: 'profile.created', profileId: 'p1' });
    clock.now += 40 * DAY_MS;
    audit.record({ action: 'profile.updated', profileId: 'p1' });
    expect(await value('audit.retention')).toEqual({ days: DEFAULT_AUDIT_RETENTION_DAYS });
    expect(await value('audit.setRetention', { days: 30 })).toEqual({ days: 30, deleted: 1 });
    expect(audit.list()[0]).toMatchObject({
      action: 'audit.retention',
      details: { days: 30, previousDays: DEFAULT_AUDIT_RETENTION_DAYS, deleted: 1 },
    });
    for (const days of [0, 29, 3651, 1.5]) {
      expect(await fixture!.router.dispatch('audit.setRetention', { days }, ctx)).toMatchObject({
        ok: false,
        error: { kind: 'VALIDATION' },
      });
    }
    fixture!.db.close();
    auditFixture(dir, clock);
    expect(await value('audit.retention')).toEqual({ days: 30 });
  });

  it('runs again every interval while started', () => {
    const { audit, db, clock } = auditFixture();
    const ticks: (() => void)[] = [];
    const original = globalThis.setInterval;
    globalThis.setInterval = ((run: () => void) => {
      ticks.push(run);
      return original(() => undefined, 1 << 30);
    }) as typeof setInterval;
    const retention = createAuditRetention({ db, now: () => new Date(clock.now) });
    try {
      retention.start();
    } finally {
      globalThis.setInterval = original;
    }
    audit.record({ action: 'profile.created', profileId: 'p1' });
    clock.now += (DEFAULT_AUDIT_RETENTION_DAYS + 1) * DAY_MS;
    expect(ticks).toHaveLength(1);
    ticks[0]!();
    expect(audit.all()).toEqual([]);
    retention.stop();
  });
});

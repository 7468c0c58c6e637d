import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { auditToCsv } from '../../../src/main/kernel/audit/audit-export.ts';
import { createAuditLog, type AuditLog } from '../../../src/main/kernel/audit/audit-log.ts';
import { appMigrations } from '../../../src/main/store/app-migrations/index.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { AUDIT_COALESCE_WINDOW_MS } from '../../../src/shared/contract/audit.ts';

let cleanup = () => {};
afterEach(() => cleanup());

function auditAt(): { audit: AuditLog; db: Database.Database; clock: { now: number } } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-coalesce-'));
  const db = openDatabase(path.join(dir, 'app.db'), appMigrations);
  cleanup = () => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const clock = { now: Date.parse('2025-06-01T10:00:00.000Z') };
  return { audit: createAuditLog(db, { now: () => new Date(clock.now), user: () => 'ops' }), db, clock };
}

const refused = (operation: string, profileId = 'p1') => ({
  action: 'guard.refused' as const,
  profileId,
  profileName: 'Acme Production',
  details: { operation, reason: 'no confirmation was given' },
});

describe('the audit log cannot be flooded', () => {
  it('keeps a burst of identical guard refusals as one entry with a count and first/last time', () => {
    const { audit, db, clock } = auditAt();
    for (let i = 0; i < 1000; i += 1) {
      audit.record(refused('profiles.delete'));
      clock.now += 100;
    }
    expect(db.prepare('SELECT COUNT(*) AS rows FROM audit_log').get()).toEqual({ rows: 1 });
    expect(audit.list()).toEqual([
      expect.objectContaining({
        action: 'guard.refused',
        count: 1000,
        at: '2025-06-01T10:00:00.000Z',
        lastAt: '2025-06-01T10:01:39.900Z',
        details: { operation: 'profiles.delete', reason: 'no confirmation was given' },
      }),
    ]);
  });

  it('coalesces repeated confirmations too, but keeps other actions, profiles and operations apart', () => {
    const { audit } = auditWithMix();
    expect(
      audit.all().map((entry) => [entry.action, entry.profileId, entry.details['operation'], entry.count]),
    ).toEqual([
      ['guard.refused', 'p1', 'profiles.delete', 3],
      ['guard.refused', 'p1', 'profiles.setSecret', 2],
      ['guard.refused', 'p2', 'profiles.delete', 1],
      ['guard.confirmed', 'p1', 'profiles.delete', 2],
      ['profile.activated', 'p1', undefined, 1],
      ['profile.activated', 'p1', undefined, 1],
    ]);
  });

  it('starts a new entry once the window since the first occurrence has passed', () => {
    const { audit, clock } = auditAt();
    audit.record(refused('profiles.delete'));
    clock.now += AUDIT_COALESCE_WINDOW_MS - 1;
    audit.record(refused('profiles.delete'));
    clock.now += 1;
    audit.record(refused('profiles.delete'));
    expect(audit.all().map((entry) => entry.count)).toEqual([2, 1]);
  });

  it('exports the count and the latest time', () => {
    const { audit, clock } = auditAt();
    audit.record(refused('profiles.delete'));
    clock.now += 5_000;
    audit.record(refused('profiles.delete'));
    const [header, row] = auditToCsv(audit.all()).trim().split('\n');
    expect(header).toBe('id,at,lastAt,count,user,action,profileId,profileName,details');
    expect(row).toMatch(/^1,2025-06-01T10:00:00.000Z,2025-06-01T10:00:05.000Z,2,ops,guard.refused,p1,/);
  });
});

function auditWithMix() {
  const made = auditAt();
  const { audit } = made;
  audit.record(refused('profiles.delete'));
  audit.record(refused('profiles.setSecret'));
  audit.record(refused('profiles.delete', 'p2'));
  audit.record({ action: 'guard.confirmed', profileId: 'p1', details: { operation: 'profiles.delete' } });
  audit.record({ action: 'profile.activated', profileId: 'p1' });
  audit.record(refused('profiles.delete'));
  audit.record({ action: 'profile.activated', profileId: 'p1' });
  audit.record({ action: 'guard.confirmed', profileId: 'p1', details: { operation: 'profiles.delete' } });
  audit.record(refused('profiles.setSecret'));
  audit.record(refused('profiles.delete'));
  return made;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTeamDatabaseUrl } from '../../../src/main/areas/team/connection-config.ts';
import { readLocalRows, ORDERS, WEBHOOK_EVENTS } from '../../../src/main/areas/team/shared-kinds.ts';
import { readTeamLink, writeTeamLink } from '../../../src/main/areas/team/team-link-store.ts';
import { prepareCallInsert } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { linkedToTeam } from '../../fixtures/team-link-settings.ts';

const settings = linkedToTeam;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function profileDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-outbox-'));
  dirs.push(dir);
  return openDatabase(path.join(dir, 'profile.db'), profileMigrations);
}

const outbox = (db: Database.Database) =>
  db.prepare('SELECT kind, row_id FROM team_outbox ORDER BY seq').all() as { kind: string; row_id: number }[];

let n = 0;
function addCall(db: Database.Database, origin: { console: string; id: number } | null = null): number {
  n += 1;
  if (origin) {
    // As a pull writes a teammate's call: in one INSERT, with its origin.
    return Number(
      db
        .prepare(
          `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, outcome, latency_ms,
             request_id, origin_console, origin_operator, origin_id)
           VALUES (?, 'p', 'staging', 'https://api.dev.myhubble.money', 'GET', '/x', 'GET /x', 'ok', 1, ?, ?, 'Arjun', ?)`,
        )
        .run(1_700_000_000_000 + n, `req-${n}`, origin.console, origin.id).lastInsertRowid,
    );
  }
  return prepareCallInsert(db)({
    at: 1_700_000_000_000 + n,
    profile_id: 'p',
    environment: 'staging',
    base_url: 'https://api.dev.myhubble.money',
    method: 'GET',
    path: '/v1/partners/wallet/balance',
    endpoint: 'GET /v1/partners/wallet/balance',
    http_status: 200,
    outcome: 'ok',
    error_kind: null,
    error_id: null,
    error_code: null,
    latency_ms: 12,
    request_id: `req-${n}`,
    server_request_id: null,
    attempt: 1,
    order_id: null,
    reference_id: null,
    order_status: null,
    amount: null,
    request_body: null,
    response_body: null,
    failure: null,
  });
}

function addOrder(db: Database.Database, reference: string, origin: string | null = null): number {
  return Number(
    db
      .prepare(
        `INSERT INTO orders (reference_id, status, source, intent_state, created_at, updated_at, origin_console, origin_id)
         VALUES (?, 'SUCCESS', 'console', 'resolved', 1, 1, ?, ?)`,
      )
      .run(reference, origin, origin ? 7 : null).lastInsertRowid,
  );
}

describe('the team outbox', () => {
  it('stays empty while the profile is not linked', () => {
    const db = profileDb();
    addCall(db);
    addOrder(db, 'ref-1');
    expect(outbox(db)).toEqual([]);
    expect(readTeamLink(db)).toEqual({ enabled: false, settings: null });
  });

  it('enqueues what the console already had when it is linked, then every change in the same transaction', () => {
    const db = profileDb();
    const before = addCall(db);
    const order = addOrder(db, 'ref-1');
    expect(writeTeamLink(db, { enabled: true, settings }, 1)).toEqual({ backfilled: 2 });
    expect(outbox(db)).toEqual([
      { kind: 'calls', row_id: before },
      { kind: 'orders', row_id: order },
    ]);
    const after = addCall(db);
    db.prepare("UPDATE orders SET status = 'FAILED', updated_at = 2 WHERE id = ?").run(order);
    expect(outbox(db).slice(2)).toEqual([
      { kind: 'calls', row_id: after },
      { kind: 'orders', row_id: order },
    ]);
    // A change that rolls back leaves no outbox entry behind, and an entry never exists without its change.
    expect(() =>
      db.transaction(() => {
        addCall(db);
        throw new Error('the flush failed');
      })(),
    ).toThrow('the flush failed');
    expect(outbox(db)).toHaveLength(4);
  });

  it("never enqueues a teammate's row (it came from the team database and is not shipped back)", () => {
    const db = profileDb();
    writeTeamLink(db, { enabled: true, settings }, 1);
    addCall(db, { console: 'teammate', id: 1 });
    addOrder(db, 'ref-teammate', 'teammate');
    expect(outbox(db)).toEqual([]);
  });

  it('re-enqueues everything and pulls from the start when the link points at another database or space', () => {
    const db = profileDb();
    writeTeamLink(db, { enabled: true, settings }, 1);
    addCall(db);
    db.prepare("INSERT INTO team_cursors (kind, seq) VALUES ('pull.calls', 42)").run();
    db.prepare('DELETE FROM team_outbox').run();
    expect(writeTeamLink(db, { enabled: true, settings: { ...settings, operator: 'Priya R' } }, 2)).toEqual({
      backfilled: 0,
    });
    expect(writeTeamLink(db, { enabled: true, settings: { ...settings, space: 'acme-staging-2' } }, 3)).toEqual({
      backfilled: 1,
    });
    expect(db.prepare('SELECT count(*) FROM team_cursors').pluck().get()).toBe(0);
    writeTeamLink(db, { enabled: false, settings }, 4);
    addCall(db);
    expect(outbox(db)).toHaveLength(1);
  });

  it('ships an order without the body it keeps for a resend, and a webhook event without its body or headers', () => {
    const db = profileDb();
    const order = Number(
      db
        .prepare(
          `INSERT INTO orders (reference_id, status, source, intent_state, request_json, customer_json, created_at, updated_at)
           VALUES ('ref-open', 'INTENT', 'console', 'unknown', '{"customer":{"email":"asha@example.com"}}', '{"email":"a***@example.com"}', 5, 5)`,
        )
        .run().lastInsertRowid,
    );
    const [row] = readLocalRows(db, ORDERS, [order]);
    expect(Object.keys(row!)).not.toContain('request_json');
    expect(JSON.stringify(row)).not.toContain('asha@example.com');
    const event = Number(
      db
        .prepare(
          `INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, state)
           VALUES (1, '127.0.0.1', 'valid', '{"cardNumber":"4111111111111111"}', 34, '{"x-verify":"sig"}', 'pending')`,
        )
        .run().lastInsertRowid,
    );
    const [shipped] = readLocalRows(db, WEBHOOK_EVENTS, [event]);
    expect(JSON.stringify(shipped)).not.toMatch(/4111111111111111|x-verify/);
  });
});

describe('the team database URL', () => {
  it('refuses a password, options in the URL and anything but postgres://', () => {
    expect(parseTeamDatabaseUrl('postgres://hubble_console@db.example.com:6432/team')).toEqual({
      host: 'db.example.com',
      port: 6432,
      database: 'team',
      user: 'hubble_console',
    });
    expect(() => parseTeamDatabaseUrl('postgres://u:secret@db.example.com/team')).toThrow(/keychain/);
    expect(() => parseTeamDatabaseUrl('postgres://u@db.example.com/team?sslmode=disable')).toThrow(/TLS/);
    expect(() => parseTeamDatabaseUrl('mysql://u@db.example.com/team')).toThrow(/postgres:\/\//);
    expect(() => parseTeamDatabaseUrl('postgres://db.example.com/team')).toThrow(/login/);
  });
});

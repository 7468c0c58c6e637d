import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { writeTeamLink } from '../../src/main/areas/team/team-link-store.ts';
import { prepareCallInsert } from '../../src/main/kernel/call-log/call-log-writer.ts';
import type { CallRow } from '../../src/main/kernel/call-log/call-row.ts';
import { openDatabase } from '../../src/main/store/open-database.ts';
import { profileMigrations } from '../../src/main/store/profile-migrations/index.ts';
import type { TeamLinkSettings } from '../../src/shared/contract/team.ts';

/** A profile database on disk, linked to a team, written the way the call log writes it. */
export function linkedProfileDatabase(settings: TeamLinkSettings) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'team-local-'));
  const file = path.join(dir, 'profile.db');
  const db = openDatabase(file, profileMigrations);
  writeTeamLink(db, { enabled: true, settings }, Date.now());
  return { db, file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let sequence = 0;

export function callRow(overrides: Partial<CallRow> = {}): CallRow {
  sequence += 1;
  return {
    at: Date.UTC(2026, 10, 1, 10) + sequence * 250,
    profile_id: 'staging-1',
    environment: 'staging',
    base_url: 'https://api.dev.myhubble.money',
    method: sequence % 4 === 0 ? 'POST' : 'GET',
    path: sequence % 4 === 0 ? '/v1/partners/orders' : '/v1/partners/wallet/balance',
    endpoint: sequence % 4 === 0 ? 'POST /v1/partners/orders' : 'GET /v1/partners/wallet/balance',
    http_status: 200,
    outcome: 'ok',
    error_kind: null,
    error_id: null,
    error_code: null,
    latency_ms: 20 + (sequence % 90),
    request_id: crypto.randomUUID(),
    server_request_id: null,
    attempt: 1,
    order_id: sequence % 4 === 0 ? `ORD-${sequence}` : null,
    reference_id: sequence % 4 === 0 ? `ref-${sequence}` : null,
    order_status: sequence % 4 === 0 ? 'SUCCESS' : null,
    amount: sequence % 4 === 0 ? 500 : null,
    request_body: null,
    response_body: '{"balance":1000}',
    failure: null,
    ...overrides,
  };
}

/** Appends `count` calls in one transaction, as one flush of the call log would. */
export function writeCalls(db: Database.Database, count: number, overrides: Partial<CallRow> = {}): void {
  const insert = prepareCallInsert(db);
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) insert(callRow(overrides));
  })();
}

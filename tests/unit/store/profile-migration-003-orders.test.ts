import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { apiCallsMigration } from '../../../src/main/store/profile-migrations/001-api-calls.ts';
import { metricsMinuteMigration } from '../../../src/main/store/profile-migrations/002-metrics-minute.ts';
import { ordersMigration } from '../../../src/main/store/profile-migrations/003-orders.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';

const insert = (db: Database.Database, values: Record<string, unknown>) => {
  const row = {
    reference_id: 'ref-1',
    status: 'INTENT',
    source: 'console',
    intent_state: 'pending',
    request_json: '{}',
    created_at: 1,
    updated_at: 1,
    ...values,
  };
  const columns = Object.keys(row);
  return db
    .prepare(`INSERT INTO orders (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...Object.values(row));
};

describe('profile migration 3: orders', () => {
  it('upgrades a version-2 database and is registered as the third profile migration', () => {
    const db = new Database(':memory:');
    migrate(db, [apiCallsMigration, metricsMinuteMigration]);
    expect(migrate(db, [apiCallsMigration, metricsMinuteMigration, ordersMigration])).toBe(3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(profileMigrations[2]).toBe(ordersMigration);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['orders', 'order_status_history', 'order_calls']));
    db.close();
  });

  it('has no column that could hold a card number or PIN, and indexes every lookup', () => {
    const db = new Database(':memory:');
    migrate(db, profileMigrations);
    for (const table of ['orders', 'order_status_history', 'order_calls']) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      expect(columns.filter((name) => /card|pin|cvv/i.test(name))).toEqual([]);
    }
    const plan = (sql: string) => JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all());
    expect(plan(`SELECT * FROM orders WHERE reference_id = 'x'`)).toMatch(/USING INDEX/);
    expect(plan(`SELECT * FROM orders WHERE order_id = 'x'`)).toMatch(/USING INDEX/);
    expect(plan(`SELECT * FROM orders WHERE intent_state <> 'resolved'`)).toMatch(/orders_open_intents/);
    expect(plan(`SELECT * FROM orders WHERE batch_id = 'b'`)).toMatch(/orders_batch/);
    expect(plan(`SELECT * FROM order_calls WHERE order_ref = 1`)).toMatch(/order_calls_order/);
    db.close();
  });

  it('enforces the money and intent rules in the schema', () => {
    const db = new Database(':memory:');
    migrate(db, profileMigrations);
    insert(db, { amount_paise: 625_000 });
    // one order per referenceId
    expect(() => insert(db, {})).toThrow(/UNIQUE/);
    // amounts are whole paise, never rupee floats
    expect(() => insert(db, { reference_id: 'ref-2', amount_paise: 6250.5 })).toThrow(/CHECK/);
    expect(() => insert(db, { reference_id: 'ref-3', amount_paise: 0 })).toThrow(/CHECK/);
    // a resolved intent keeps no resend body (and so no customer phone or e-mail)
    expect(() => insert(db, { reference_id: 'ref-4', intent_state: 'resolved' })).toThrow(/CHECK/);
    // an open intent must be resendable by its referenceId
    expect(() => insert(db, { reference_id: 'ref-5', request_json: null })).toThrow(/CHECK/);
    expect(() => insert(db, { reference_id: 'ref-6', source: 'guess' })).toThrow(/CHECK/);
    expect(() => insert(db, { reference_id: 'x'.repeat(41) })).toThrow(/CHECK/);
    // one retry per original
    insert(db, { reference_id: 'retry-1', retry_of: 'ref-1' });
    expect(() => insert(db, { reference_id: 'retry-2', retry_of: 'ref-1' })).toThrow(/UNIQUE/);
    db.close();
  });
});

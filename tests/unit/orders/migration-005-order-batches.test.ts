import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { orderBatchesMigration } from '../../../src/main/store/profile-migrations/005-order-batches.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';

const batch = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO order_batches (id, name, state, rows_total, rows_valid, total_paise, report_json, created_at, updated_at)
       VALUES (?, 'b', 'draft', 1, 1, 50000, '{}', 1, 1)`,
    )
    .run(id);

const row = (db: Database.Database, values: Record<string, unknown>) => {
  const full = { batch_id: 'b1', line: 2, reference_id: 'ref-1', state: 'pending', request_json: '{}', ...values };
  const columns = Object.keys(full);
  return db
    .prepare(`INSERT INTO order_batch_rows (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
    .run(...Object.values(full));
};

describe('profile migration 5: order batches', () => {
  it('upgrades a version-4 database holding orders, after the catalog’s migration 4', () => {
    const db = new Database(':memory:');
    migrate(db, profileMigrations.slice(0, 4));
    db.prepare(
      `INSERT INTO orders (reference_id, status, source, intent_state, created_at, updated_at)
       VALUES ('kept', 'SUCCESS', 'console', 'resolved', 1, 1)`,
    ).run();
    expect(migrate(db, profileMigrations.slice(0, 5))).toBe(5);
    expect(profileMigrations[4]).toBe(orderBatchesMigration);
    expect(orderBatchesMigration.version).toBe(5);
    expect(db.prepare('SELECT reference_id FROM orders').pluck().all()).toEqual(['kept']);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['order_batches', 'order_batch_rows', 'order_watch', 'orders_settings']),
    );
    db.close();
  });

  it('has no card column, fixes a referenceId once across batches, and drops customer details with the outcome', () => {
    const db = new Database(':memory:');
    migrate(db, profileMigrations);
    for (const table of ['order_batches', 'order_batch_rows', 'order_watch', 'orders_settings']) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
      expect(
        columns.filter((name) => /card|pin|number|voucher_?code/i.test(name)),
        table,
      ).toEqual([]);
    }
    batch(db, 'b1');
    batch(db, 'b2');
    row(db, {});
    // The same referenceId in another batch (or twice in one) is refused: a row can only ever be one order.
    expect(() => row(db, { batch_id: 'b2', line: 2 })).toThrow(/UNIQUE/);
    expect(() => row(db, { line: 3 })).toThrow(/UNIQUE/);
    // A row that will be sent has a referenceId; a placed row keeps no customer details.
    expect(() => row(db, { line: 4, reference_id: null })).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE order_batch_rows SET state = 'placed' WHERE line = 2`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE order_batch_rows SET state = 'placed', request_json = NULL WHERE line = 2`).run();
    expect(() => db.prepare(`UPDATE order_batches SET total_paise = 10.5 WHERE id = 'b1'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE order_batches SET state = 'lost' WHERE id = 'b1'`).run()).toThrow(/CHECK/);
    db.close();
  });

  it('answers the runner’s and the watcher’s questions from indexes', () => {
    const db = new Database(':memory:');
    migrate(db, profileMigrations);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((step) => step.detail)
        .join('; ');
    expect(
      plan(`SELECT id FROM order_batch_rows WHERE batch_id = 'b' AND state = 'pending' ORDER BY line LIMIT 1`),
    ).toMatch(/INDEX order_batch_rows_state/);
    expect(plan(`SELECT order_ref FROM order_watch WHERE next_poll_at <= 5 ORDER BY next_poll_at`)).toMatch(
      /INDEX order_watch_due/,
    );
    expect(plan(`SELECT id FROM order_batches WHERE state = 'running' ORDER BY created_at`)).toMatch(
      /INDEX order_batches_state/,
    );
    db.close();
  });
});

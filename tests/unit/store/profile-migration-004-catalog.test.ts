import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/store/migrate.ts';
import { apiCallsMigration } from '../../../src/main/store/profile-migrations/001-api-calls.ts';
import { metricsMinuteMigration } from '../../../src/main/store/profile-migrations/002-metrics-minute.ts';
import { ordersMigration } from '../../../src/main/store/profile-migrations/003-orders.ts';
import { catalogMigration } from '../../../src/main/store/profile-migrations/004-catalog.ts';

const upToOrders = [apiCallsMigration, metricsMinuteMigration, ordersMigration];

function insertBrand(db: Database.Database, id: string, name: string) {
  db.prepare(
    `INSERT INTO brands (id, name, name_folded, status, raw_json, first_seen_at, updated_at)
     VALUES (?, ?, ?, 'ACTIVE', '{}', 1, 1)`,
  ).run(id, name, name.toLowerCase());
}

const matching = (db: Database.Database, text: string) =>
  (
    db
      .prepare(
        'SELECT b.id FROM brands b WHERE b.rowid IN (SELECT rowid FROM brands_fts WHERE brands_fts MATCH ?) ORDER BY b.id',
      )
      .all(`"${text}"`) as { id: string }[]
  ).map((row) => row.id);

describe('profile migration 4: catalog', () => {
  it('upgrades a version-3 database with brands, syncs, changes and settings', () => {
    const db = new Database(':memory:');
    migrate(db, upToOrders);
    expect(migrate(db, [...upToOrders, catalogMigration])).toBe(4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['brands', 'brands_fts', 'catalog_syncs', 'brand_changes', 'catalog_settings']),
    );
    db.close();
  });

  it('keeps the trigram name index in step with inserts, renames and deletes (substring match, any position)', () => {
    const db = new Database(':memory:');
    migrate(db, [...upToOrders, catalogMigration]);
    insertBrand(db, 'a', 'Amazon Pay');
    insertBrand(db, 'b', 'Zomato');
    insertBrand(db, 'c', 'Pay at Myntra');
    expect(matching(db, 'pay')).toEqual(['a', 'c']);
    expect(matching(db, 'mat')).toEqual(['b']);
    db.prepare("UPDATE brands SET name = 'Swiggy', name_folded = 'swiggy' WHERE id = 'b'").run();
    expect(matching(db, 'mat')).toEqual([]);
    expect(matching(db, 'wig')).toEqual(['b']);
    db.prepare("DELETE FROM brands WHERE id = 'a'").run();
    expect(matching(db, 'pay')).toEqual(['c']);
    // The folded name is what is indexed: case folding is the writer's job, so matching is exact on it.
    expect(matching(db, 'PAY')).toEqual([]);
    db.close();
  });

  it('refuses an unknown change source or sync outcome', () => {
    const db = new Database(':memory:');
    migrate(db, [...upToOrders, catalogMigration]);
    const sync = db
      .prepare("INSERT INTO catalog_syncs (started_at, outcome) VALUES (1, 'running')")
      .run().lastInsertRowid;
    const change = db.prepare(
      `INSERT INTO brand_changes (sync_id, source, brand_id, kind, old_value, new_value, at) VALUES (?, ?, 'x', 'status', '"ACTIVE"', '"INACTIVE"', 2)`,
    );
    change.run(sync, 'sync');
    change.run(null, 'webhook');
    expect(() => change.run(null, 'email')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO catalog_syncs (started_at, outcome) VALUES (1, 'maybe')").run()).toThrow(
      /CHECK/,
    );
    expect(db.prepare('SELECT count(*) AS n FROM brand_changes').get()).toEqual({ n: 2 });
    db.close();
  });
});

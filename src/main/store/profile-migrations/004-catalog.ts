import type { Migration } from '../migrate.ts';

/**
 * The catalog of one profile (docs/catalog.md): `brands` is the current catalog as the last sync (and the
 * webhooks since) left it, amounts in paise; `catalog_syncs` is one row per sync; `brand_changes` is what changed,
 * per brand and field, with old and new values as JSON. `brands_fts` is a trigram index over the folded name so
 * "contains" search stays an index lookup at ten thousand brands. `catalog_settings` holds the operator's own
 * sync schedule, when they chose one.
 */
export const catalogMigration: Migration = {
  version: 4,
  name: 'catalog',
  up(db) {
    db.exec(`
      CREATE TABLE brands (
        id                            TEXT    PRIMARY KEY,
        name                          TEXT    NOT NULL,
        name_folded                   TEXT    NOT NULL,
        status                        TEXT    NOT NULL,
        categories                    TEXT    NOT NULL DEFAULT '[]',
        denomination_type             TEXT,
        denominations                 TEXT,
        face_min_paise                INTEGER,
        face_max_paise                INTEGER,
        min_order_paise               INTEGER,
        max_order_paise               INTEGER,
        min_voucher_paise             INTEGER,
        max_voucher_paise             INTEGER,
        max_vouchers_per_order        INTEGER,
        max_vouchers_per_denomination INTEGER,
        max_denominations_per_order   INTEGER,
        discount_percent              REAL,
        discount_valid_from           TEXT,
        discount_valid_to             TEXT,
        retail_modes                  TEXT,
        usage_instructions            TEXT,
        logo_url                      TEXT,
        raw_json                      TEXT    NOT NULL,
        first_seen_at                 INTEGER NOT NULL,
        updated_at                    INTEGER NOT NULL
      );
      CREATE INDEX brands_name ON brands (name_folded);
      CREATE INDEX brands_status ON brands (status, name_folded);

      CREATE VIRTUAL TABLE brands_fts USING fts5(
        name_folded, content = 'brands', content_rowid = 'rowid', tokenize = 'trigram case_sensitive 1'
      );
      CREATE TRIGGER brands_fts_insert AFTER INSERT ON brands BEGIN
        INSERT INTO brands_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
      END;
      CREATE TRIGGER brands_fts_delete AFTER DELETE ON brands BEGIN
        INSERT INTO brands_fts (brands_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
      END;
      CREATE TRIGGER brands_fts_update AFTER UPDATE OF name_folded ON brands BEGIN
        INSERT INTO brands_fts (brands_fts, rowid, name_folded) VALUES ('delete', old.rowid, old.name_folded);
        INSERT INTO brands_fts (rowid, name_folded) VALUES (new.rowid, new.name_folded);
      END;

      CREATE TABLE catalog_syncs (
        id          INTEGER PRIMARY KEY,
        started_at  INTEGER NOT NULL,
        finished_at INTEGER,
        outcome     TEXT    NOT NULL CHECK (outcome IN ('running', 'done', 'failed', 'cancelled')),
        pages       INTEGER NOT NULL DEFAULT 0,
        brands      INTEGER NOT NULL DEFAULT 0,
        added       INTEGER NOT NULL DEFAULT 0,
        removed     INTEGER NOT NULL DEFAULT 0,
        changed     INTEGER NOT NULL DEFAULT 0,
        changes     INTEGER NOT NULL DEFAULT 0,
        rejected    INTEGER NOT NULL DEFAULT 0,
        error       TEXT
      );
      CREATE INDEX catalog_syncs_outcome ON catalog_syncs (outcome, started_at);

      CREATE TABLE brand_changes (
        id         INTEGER PRIMARY KEY,
        sync_id    INTEGER REFERENCES catalog_syncs (id),
        source     TEXT    NOT NULL CHECK (source IN ('sync', 'webhook')),
        brand_id   TEXT    NOT NULL,
        brand_name TEXT,
        kind       TEXT    NOT NULL,
        field      TEXT,
        old_value  TEXT,
        new_value  TEXT,
        at         INTEGER NOT NULL
      );
      CREATE INDEX brand_changes_sync ON brand_changes (sync_id);
      CREATE INDEX brand_changes_brand ON brand_changes (brand_id, at);
      CREATE INDEX brand_changes_at ON brand_changes (at);

      CREATE TABLE catalog_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};

import type { Migration } from '../migrate.ts';

/**
 * Orders the console placed, looked up, imported or heard about, with their status history and the X-REQUEST-ID
 * of every call about them.
 *
 * Money: `amount_paise` and every denomination in `denominations_json` are whole paise (INTEGER), never rupee
 * floats. Card numbers and PINs have no column anywhere: only voucher ids are kept (they reveal nothing
 * without an audited fetch from Hubble). `request_json` is the exact body to resend with the same referenceId
 * while the outcome is unknown; a CHECK forces it to be cleared once the intent is resolved, so customer phone
 * numbers and e-mails do not outlive the intent (`customer_json` keeps only the masked form).
 */
export const ordersMigration: Migration = {
  version: 3,
  name: 'orders',
  up(db) {
    db.exec(`
      CREATE TABLE orders (
        id                 INTEGER PRIMARY KEY,
        reference_id       TEXT    UNIQUE CHECK (reference_id IS NULL OR length(reference_id) BETWEEN 1 AND 40),
        order_id           TEXT    UNIQUE,
        brand_id           TEXT,
        brand_name         TEXT,
        amount_paise       INTEGER CHECK (amount_paise IS NULL OR (typeof(amount_paise) = 'integer' AND amount_paise > 0)),
        denominations_json TEXT    CHECK (denominations_json IS NULL OR json_valid(denominations_json)),
        customer_json      TEXT    CHECK (customer_json IS NULL OR json_valid(customer_json)),
        request_json       TEXT    CHECK (request_json IS NULL OR json_valid(request_json)),
        status             TEXT    NOT NULL,
        failure_reason     TEXT,
        error_id           TEXT,
        error_code         TEXT,
        failure_json       TEXT    CHECK (failure_json IS NULL OR json_valid(failure_json)),
        voucher_ids_json   TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(voucher_ids_json)),
        source             TEXT    NOT NULL CHECK (source IN ('console', 'batch', 'lookup', 'webhook', 'import', 'sdk')),
        batch_id           TEXT,
        retry_of           TEXT,
        intent_state       TEXT    NOT NULL CHECK (intent_state IN ('pending', 'sent', 'unknown', 'resolved')),
        created_at         INTEGER NOT NULL,
        updated_at         INTEGER NOT NULL,
        CHECK (reference_id IS NOT NULL OR order_id IS NOT NULL),
        CHECK (intent_state <> 'resolved' OR request_json IS NULL),
        CHECK (intent_state = 'resolved' OR (reference_id IS NOT NULL AND request_json IS NOT NULL))
      );
      CREATE INDEX orders_created_at ON orders (created_at);
      CREATE INDEX orders_status_created ON orders (status, created_at);
      CREATE INDEX orders_brand_created ON orders (brand_id, created_at) WHERE brand_id IS NOT NULL;
      CREATE INDEX orders_source_created ON orders (source, created_at);
      CREATE INDEX orders_batch ON orders (batch_id) WHERE batch_id IS NOT NULL;
      CREATE INDEX orders_open_intents ON orders (intent_state) WHERE intent_state <> 'resolved';
      -- one retry per original: a double click on "Retry" can never issue two new orders
      CREATE UNIQUE INDEX orders_retry_of ON orders (retry_of) WHERE retry_of IS NOT NULL;

      CREATE TABLE order_status_history (
        id       INTEGER PRIMARY KEY,
        order_ref INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        status   TEXT    NOT NULL,
        at       INTEGER NOT NULL,
        source   TEXT    NOT NULL
      );
      CREATE INDEX order_status_history_order ON order_status_history (order_ref, at);

      CREATE TABLE order_calls (
        id         INTEGER PRIMARY KEY,
        request_id TEXT    NOT NULL UNIQUE,
        order_ref  INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        purpose    TEXT    NOT NULL,
        outcome    TEXT    NOT NULL,
        at         INTEGER NOT NULL
      );
      CREATE INDEX order_calls_order ON order_calls (order_ref, id);
    `);
  },
};

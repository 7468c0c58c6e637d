import type { Migration } from '../migrate.ts';

/**
 * Batches of orders imported from CSV, the PROCESSING watcher's per-order backoff, and the orders area's settings.
 *
 * Money: every row's `reference_id` is fixed here, at import, before the batch can run; it is UNIQUE across every
 * batch, so a resumed or re-run batch can only ever find the order it already placed, never issue a second one.
 * Amounts are whole paise. Card numbers and PINs have no column: `vouchers_exported_at` only records that the one
 * allowed export happened. Full customer phone numbers and e-mails are needed to send a row; they live in
 * `request_json` only until the row's outcome is known (a CHECK clears them with the outcome), as for single orders.
 */
export const orderBatchesMigration: Migration = {
  version: 5,
  name: 'order-batches',
  up(db) {
    db.exec(`
      CREATE TABLE order_batches (
        id                   TEXT    PRIMARY KEY,
        name                 TEXT    NOT NULL,
        state                TEXT    NOT NULL
                               CHECK (state IN ('draft', 'running', 'paused', 'done', 'cancelled')),
        pause_reason         TEXT,
        rows_total           INTEGER NOT NULL,
        rows_valid           INTEGER NOT NULL,
        total_paise          INTEGER NOT NULL CHECK (typeof(total_paise) = 'integer' AND total_paise >= 0),
        report_json          TEXT    NOT NULL CHECK (json_valid(report_json)),
        created_at           INTEGER NOT NULL,
        started_at           INTEGER,
        finished_at          INTEGER,
        updated_at           INTEGER NOT NULL,
        vouchers_exported_at INTEGER
      );
      CREATE INDEX order_batches_state ON order_batches (state, created_at);

      CREATE TABLE order_batch_rows (
        id                 INTEGER PRIMARY KEY,
        batch_id           TEXT    NOT NULL REFERENCES order_batches (id) ON DELETE CASCADE,
        line               INTEGER NOT NULL,
        partner_reference  TEXT,
        brand_id           TEXT,
        brand_name         TEXT,
        amount_paise       INTEGER CHECK (amount_paise IS NULL OR (typeof(amount_paise) = 'integer' AND amount_paise > 0)),
        denominations_json TEXT    CHECK (denominations_json IS NULL OR json_valid(denominations_json)),
        customer_json      TEXT    CHECK (customer_json IS NULL OR json_valid(customer_json)),
        request_json       TEXT    CHECK (request_json IS NULL OR json_valid(request_json)),
        reference_id       TEXT    UNIQUE CHECK (reference_id IS NULL OR length(reference_id) BETWEEN 1 AND 40),
        state              TEXT    NOT NULL
                             CHECK (state IN ('invalid', 'pending', 'placing', 'placed', 'cancelled')),
        issues_json        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(issues_json)),
        UNIQUE (batch_id, line),
        CHECK (state = 'invalid' OR reference_id IS NOT NULL),
        CHECK (state IN ('pending', 'placing') OR request_json IS NULL)
      );
      CREATE INDEX order_batch_rows_state ON order_batch_rows (batch_id, state, line);

      CREATE TABLE order_watch (
        order_ref    INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        polls        INTEGER NOT NULL DEFAULT 0,
        next_poll_at INTEGER NOT NULL
      );
      CREATE INDEX order_watch_due ON order_watch (next_poll_at);

      CREATE TABLE orders_settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};

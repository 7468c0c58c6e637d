import type { Migration } from '../migrate.ts';

/**
 * Wallet balance samples of one profile (docs/dashboards.md, "Wallet"): the poller's, one after an order, or one
 * the operator asked for; `wallet_topups` are the balance jumps
 * detected between two samples (beyond the refunds of that interval), the dashboard's top-up annotations; `wallet_spend` is the
 * spend rate computed after the latest sample (one row), which the alert evaluator reads for runway. Money is whole paise (INTEGER), never a rupee float.
 */
export const walletSamplesMigration: Migration = {
  version: 7,
  name: 'wallet-samples',
  up(db) {
    db.exec(`
      CREATE TABLE wallet_samples (
        id            INTEGER PRIMARY KEY,
        at            INTEGER NOT NULL,
        balance_paise INTEGER NOT NULL CHECK (typeof(balance_paise) = 'integer'),
        source        TEXT    NOT NULL CHECK (source IN ('poll', 'order', 'manual'))
      );
      CREATE INDEX wallet_samples_at ON wallet_samples (at);

      CREATE TABLE wallet_topups (
        sample_id    INTEGER PRIMARY KEY REFERENCES wallet_samples (id) ON DELETE CASCADE,
        at           INTEGER NOT NULL,
        amount_paise INTEGER NOT NULL CHECK (typeof(amount_paise) = 'integer' AND amount_paise > 0)
      );
      CREATE INDEX wallet_topups_at ON wallet_topups (at);

      CREATE TABLE wallet_spend (
        id                         INTEGER PRIMARY KEY CHECK (id = 1),
        at                         INTEGER NOT NULL,
        balance_paise              INTEGER NOT NULL,
        spend_rate_paise_per_hour  REAL,
        typical_order_paise        INTEGER NOT NULL
      );
    `);
  },
};

import type { PgMigration } from './pg-migration.ts';

// Columns every shared table starts with: whose row it is (team space, console, the row's id in that console's
// SQLite), which version of it (the console's outbox sequence: a changed order is a new version, never an UPDATE,
// so the console role needs INSERT and SELECT only), who shipped it, and `seq`, the order in which rows became
// visible (assigned under a per-space advisory lock, so it is also commit order: a reader that has seen seq N has
// seen everything before it).
const IDENTITY = `
  space      TEXT        NOT NULL,
  console_id TEXT        NOT NULL,
  local_id   BIGINT      NOT NULL,
  version    BIGINT      NOT NULL,
  operator   TEXT        NOT NULL,
  seq        BIGINT      NOT NULL DEFAULT nextval('team_seq'),
  shipped_at TIMESTAMPTZ NOT NULL DEFAULT now(),`;
const KEY = 'PRIMARY KEY (space, console_id, local_id, version)';

/**
 * The team's shared history (docs/team.md). Nothing here can hold a secret: call bodies arrive redacted by the
 * call log, orders without the request body (customer contact details) or any voucher secret, webhook events
 * without their body and headers (an SDK body may carry card data). Indexes serve the same lookups as the local
 * store: X-REQUEST-ID, orderId and referenceId, time, and `seq` for incremental pulls.
 */
export const teamHistoryMigration: PgMigration = {
  version: 1,
  name: 'team-history',
  sql: `
    CREATE SEQUENCE team_seq;

    CREATE TABLE team_spaces (
      space       TEXT        PRIMARY KEY,
      environment TEXT        NOT NULL CHECK (environment IN ('simulator', 'staging', 'production', 'custom')),
      created_by  TEXT        NOT NULL,
      created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
    );

    CREATE TABLE team_consoles (
      space      TEXT        NOT NULL REFERENCES team_spaces (space),
      console_id TEXT        NOT NULL,
      operator   TEXT        NOT NULL,
      first_seen TIMESTAMPTZ NOT NULL DEFAULT now(),
      PRIMARY KEY (space, console_id, operator)
    );

    CREATE TABLE team_calls (${IDENTITY}
      at                BIGINT           NOT NULL,
      environment       TEXT             NOT NULL,
      base_url          TEXT             NOT NULL,
      method            TEXT             NOT NULL,
      path              TEXT             NOT NULL,
      endpoint          TEXT             NOT NULL,
      http_status       INTEGER,
      outcome           TEXT             NOT NULL,
      error_kind        TEXT,
      error_id          TEXT,
      error_code        TEXT,
      latency_ms        DOUBLE PRECISION NOT NULL,
      request_id        TEXT             NOT NULL,
      server_request_id TEXT,
      attempt           INTEGER          NOT NULL,
      order_id          TEXT,
      reference_id      TEXT,
      order_status      TEXT,
      amount            DOUBLE PRECISION,
      brand             TEXT,
      source            TEXT             NOT NULL,
      request_body      TEXT,
      response_body     TEXT,
      failure           TEXT,
      ${KEY}
    );
    CREATE INDEX team_calls_seq ON team_calls (space, seq);
    CREATE INDEX team_calls_request_id ON team_calls (space, request_id);
    CREATE INDEX team_calls_order_id ON team_calls (space, order_id) WHERE order_id IS NOT NULL;
    CREATE INDEX team_calls_reference_id ON team_calls (space, reference_id) WHERE reference_id IS NOT NULL;
    CREATE INDEX team_calls_at ON team_calls (space, at);

    CREATE TABLE team_orders (${IDENTITY}
      reference_id       TEXT,
      order_id           TEXT,
      brand_id           TEXT,
      brand_name         TEXT,
      amount_paise       BIGINT CHECK (amount_paise IS NULL OR amount_paise > 0),
      denominations_json TEXT,
      customer_json      TEXT,
      status             TEXT   NOT NULL,
      failure_reason     TEXT,
      error_id           TEXT,
      error_code         TEXT,
      failure_json       TEXT,
      voucher_ids_json   TEXT   NOT NULL,
      source             TEXT   NOT NULL,
      batch_id           TEXT,
      retry_of           TEXT,
      created_at         BIGINT NOT NULL,
      updated_at         BIGINT NOT NULL,
      history_json       TEXT   NOT NULL,
      ${KEY}
    );
    CREATE INDEX team_orders_seq ON team_orders (space, seq);
    CREATE INDEX team_orders_reference_id ON team_orders (space, reference_id) WHERE reference_id IS NOT NULL;
    CREATE INDEX team_orders_order_id ON team_orders (space, order_id) WHERE order_id IS NOT NULL;
    CREATE INDEX team_orders_created_at ON team_orders (space, created_at);

    CREATE TABLE team_webhook_events (${IDENTITY}
      received_at  BIGINT  NOT NULL,
      source_ip    TEXT    NOT NULL,
      verdict      TEXT    NOT NULL,
      reason       TEXT,
      body_bytes   INTEGER NOT NULL,
      type         TEXT,
      dedupe_key   TEXT,
      state        TEXT    NOT NULL,
      attempts     INTEGER NOT NULL,
      changes_json TEXT,
      error        TEXT,
      processed_at BIGINT,
      ${KEY}
    );
    CREATE INDEX team_webhook_events_seq ON team_webhook_events (space, seq);
    CREATE INDEX team_webhook_events_received ON team_webhook_events (space, received_at);
    CREATE INDEX team_webhook_events_dedupe ON team_webhook_events (space, dedupe_key) WHERE dedupe_key IS NOT NULL;

    CREATE TABLE team_brand_changes (${IDENTITY}
      sync_id    BIGINT,
      source     TEXT   NOT NULL,
      brand_id   TEXT   NOT NULL,
      brand_name TEXT,
      kind       TEXT   NOT NULL,
      field      TEXT,
      old_value  TEXT,
      new_value  TEXT,
      at         BIGINT NOT NULL,
      ${KEY}
    );
    CREATE INDEX team_brand_changes_seq ON team_brand_changes (space, seq);
    CREATE INDEX team_brand_changes_brand ON team_brand_changes (space, brand_id, at);

    CREATE TABLE team_alert_events (${IDENTITY}
      rule_id   BIGINT           NOT NULL,
      rule_name TEXT             NOT NULL,
      kind      TEXT             NOT NULL,
      event     TEXT             NOT NULL,
      value     DOUBLE PRECISION,
      threshold DOUBLE PRECISION,
      message   TEXT             NOT NULL,
      at        BIGINT           NOT NULL,
      ${KEY}
    );
    CREATE INDEX team_alert_events_seq ON team_alert_events (space, seq);
    CREATE INDEX team_alert_events_at ON team_alert_events (space, at);

    CREATE TABLE team_audit (${IDENTITY}
      at           TEXT    NOT NULL,
      last_at      TEXT,
      actor        TEXT    NOT NULL,
      action       TEXT    NOT NULL,
      profile_name TEXT,
      details_json TEXT    NOT NULL,
      count        INTEGER NOT NULL,
      ${KEY}
    );
    CREATE INDEX team_audit_seq ON team_audit (space, seq);
    CREATE INDEX team_audit_at ON team_audit (space, at);
  `,
};

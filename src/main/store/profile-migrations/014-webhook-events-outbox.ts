import type { Migration } from '../migrate.ts';

/**
 * Team mode's outbox entries for webhook_events are written by the receiver's store, one statement per batch in
 * the batch's own transaction (src/main/areas/receiver/team-outbox-entries.ts), instead of by the per-row triggers
 * of migration 12: a trigger program ran for every row the receiver inserted or updated, linked or not (2–3 µs a
 * row of the 15–25 a delivery costs in SQLite; docs/receiver.md, round 4). Every write to webhook_events is the
 * receiver area's (its store and its retry), so none goes unshipped; the other shared tables keep their triggers.
 */
export const webhookEventsOutboxMigration: Migration = {
  version: 14,
  name: 'webhook-events-outbox',
  up(db) {
    db.exec(`
      DROP TRIGGER IF EXISTS team_outbox_webhook_events_insert;
      DROP TRIGGER IF EXISTS team_outbox_webhook_events_update;
    `);
  },
};

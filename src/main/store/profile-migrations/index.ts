import type { Migration } from '../migrate.ts';
import { apiCallsMigration } from './001-api-calls.ts';
import { metricsMinuteMigration } from './002-metrics-minute.ts';
import { ordersMigration } from './003-orders.ts';
import { catalogMigration } from './004-catalog.ts';
import { orderBatchesMigration } from './005-order-batches.ts';
import { metricsRollupsMigration } from './006-metrics-rollups.ts';
import { walletSamplesMigration } from './007-wallet-samples.ts';
import { alertsMigration } from './008-alerts.ts';
import { webhookEventsMigration } from './009-webhook-events.ts';
import { importedCallsMigration } from './010-imported-calls.ts';
import { goLiveRunsMigration } from './011-go-live-runs.ts';
import { teamOutboxMigration } from './012-team-outbox.ts';
import { metricsEndpointDayMigration } from './013-metrics-endpoint-day.ts';
import { webhookEventsOutboxMigration } from './014-webhook-events-outbox.ts';

/** One database per profile (profiles/<id>.db): calls, orders, wallet, catalog, webhooks. Append only. */
export const profileMigrations: readonly Migration[] = [
  apiCallsMigration,
  metricsMinuteMigration,
  ordersMigration,
  catalogMigration,
  orderBatchesMigration,
  metricsRollupsMigration,
  walletSamplesMigration,
  alertsMigration,
  webhookEventsMigration,
  importedCallsMigration,
  goLiveRunsMigration,
  teamOutboxMigration,
  metricsEndpointDayMigration,
  webhookEventsOutboxMigration,
];

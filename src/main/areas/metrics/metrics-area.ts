import { defineArea } from '../define-area.ts';
import { createMetricsHandlers } from './metrics-handlers.ts';
import { rollUpNewOrders } from './order-rollups.ts';
import { refreshRateLimitUsage } from './rate-limit-usage.ts';

export const METRICS_ROLLUP_JOB = 'metrics.rollup';
const ROLLUP_EVERY_MS = 60_000;

/** metrics.*: the dashboard (read from rollups), the rollup maintenance, rate-limit meters. */
export const metricsArea = defineArea({
  name: 'metrics',
  create: (kernel) => {
    const handlers = {
      metrics: createMetricsHandlers({
        activeScope: () => kernel.scopes.get(kernel.active.id()),
        now: kernel.clock.now,
        auditEntries: (profileId, limit) => kernel.audit.list({ profileId, limit }),
      }),
    };
    return {
      handlers,
      perProfile(scope) {
        // Orders changed since the watermark are rolled up, and the rate-limit usage the alerts read is refreshed.
        scope.addJob({
          name: METRICS_ROLLUP_JOB,
          schedule: { kind: 'interval', everyMs: ROLLUP_EVERY_MS },
          runIfNeverRan: true,
          run: async ({ now }) => {
            rollUpNewOrders(scope.db);
            refreshRateLimitUsage(scope.db, scope.profile().rateLimits, now());
          },
        });
      },
    };
  },
});

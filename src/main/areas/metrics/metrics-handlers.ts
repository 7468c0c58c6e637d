import type { z } from 'zod';
import type { metricsOperations } from '../../../shared/contract/metrics.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { queryDashboard } from './dashboard-query.ts';
import { rollUpNewOrders } from './order-rollups.ts';
import { rateLimitMeters } from './rate-limit-usage.ts';
import { rebuildRollups } from './rebuild-rollups.ts';

type Operations = typeof metricsOperations;
/** The same shape as `Handlers['metrics']` once the contract registers the area. */
export type MetricsHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx?: unknown,
  ) => Promise<z.input<Operations[K]['output']>> | z.input<Operations[K]['output']>;
};

export interface MetricsHandlerDeps {
  activeScope(): ProfileScope;
  now(): number;
}

export function createMetricsHandlers(deps: MetricsHandlerDeps): MetricsHandlers {
  return {
    dashboard: (input) => {
      const scope = deps.activeScope();
      // Calls queued in memory reach the rollups first, and orders changed since the last job run are rolled up.
      scope.recorder.flush();
      rollUpNewOrders(scope.db);
      return queryDashboard(scope.db, input);
    },
    rebuildRollups: () => {
      const scope = deps.activeScope();
      scope.recorder.flush();
      return rebuildRollups(scope.db);
    },
    rateLimitMeters: () => {
      const scope = deps.activeScope();
      scope.recorder.flush();
      return rateLimitMeters(scope.db, scope.profile().rateLimits, deps.now());
    },
  };
}

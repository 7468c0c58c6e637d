import type { z } from 'zod';
import type { AuditEntry } from '../../../shared/contract/audit.ts';
import type { metricsOperations } from '../../../shared/contract/metrics.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { queryDashboard } from './dashboard-query.ts';
import { rollUpNewOrders } from './order-rollups.ts';
import { profileSwitchAnnotations, SWITCH_SEARCH_ENTRIES } from './profile-switch-annotations.ts';
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
  /** the profile's newest audit entries (the app-level log), where its switches are recorded */
  auditEntries(profileId: string, limit: number): AuditEntry[];
}

export function createMetricsHandlers(deps: MetricsHandlerDeps): MetricsHandlers {
  return {
    dashboard: (input) => {
      const scope = deps.activeScope();
      // Calls queued in memory reach the rollups first, and orders changed since the last job run are rolled up.
      scope.recorder.flush();
      rollUpNewOrders(scope.db);
      const dashboard = queryDashboard(scope.db, input);
      const switches = profileSwitchAnnotations(
        deps.auditEntries(scope.profileId, SWITCH_SEARCH_ENTRIES),
        dashboard.from,
        dashboard.to,
      );
      if (switches.length === 0) return dashboard;
      return { ...dashboard, annotations: [...dashboard.annotations, ...switches].sort((a, b) => a.at - b.at) };
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

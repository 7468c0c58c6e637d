import type { AuditAction } from '../../../shared/contract/audit.ts';
import type { Environment } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import type { HubbleConnection } from '../../hubble/connection.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { CallsService } from './calls-service.ts';
import { generateSampleTraffic } from './sample-traffic.ts';

export interface CallsHandlerDeps {
  calls: CallsService;
  /** the profile's client (its scope's), recording into its call log */
  clientOf(profileId: string): HubbleClient;
  activeProfileId(): string;
  connectionFor(profileId: string): HubbleConnection;
  /** the embedded simulator's URL while it runs */
  simulatorBaseUrl(): string | null;
  /** operator actions worth an audit entry (exports, bundles, generated traffic) */
  audit?: (entry: { action: AuditAction; profileId: string; details?: Record<string, unknown> }) => void;
}

const ENVIRONMENT_NAMES: Record<Environment, string> = {
  simulator: 'the simulator',
  staging: 'staging',
  production: 'PRODUCTION',
  custom: 'a custom environment',
};

/**
 * Sample traffic places orders, so it is refused here in main (not only hidden in the UI) unless the
 * active profile is the built-in Simulator and really points at the embedded simulator.
 */
export function simulatorConnectionOrRefuse(connection: HubbleConnection, simulatorBaseUrl: string | null): string {
  if (connection.environment !== 'simulator') {
    throw new AppError(
      'FORBIDDEN',
      `Sample traffic runs only on the Simulator profile; on ${ENVIRONMENT_NAMES[connection.environment]} it would place real orders.`,
      {
        environment: connection.environment,
      },
    );
  }
  if (!simulatorBaseUrl) throw new AppError('UNAVAILABLE', 'The embedded simulator is not running.');
  if (new URL(connection.baseUrl).origin !== new URL(simulatorBaseUrl).origin) {
    throw new AppError(
      'FORBIDDEN',
      'This Simulator profile does not point at the embedded simulator; sample traffic is refused.',
    );
  }
  return simulatorBaseUrl;
}

export function createCallsHandlers(deps: CallsHandlerDeps): Handlers['calls'] {
  const { calls } = deps;
  const active = () => deps.activeProfileId();
  return {
    search: (input) => calls.search(active(), input),
    get: ({ id }) => calls.get(active(), id),
    bundle: (target) => {
      const profileId = active();
      const bundle = calls.bundle(profileId, target);
      deps.audit?.({ action: 'calls.bundle', profileId, details: { target, calls: bundle.calls } });
      return bundle;
    },
    exportCsv: ({ filters, sort }) => {
      const profileId = active();
      const exported = calls.exportCsv(profileId, filters, sort);
      deps.audit?.({ action: 'calls.export', profileId, details: { filters, rows: exported.rows } });
      return exported;
    },
    resolveIdentifier: ({ value }) => calls.resolveIdentifier(active(), value),
    generateSampleTraffic: async () => {
      const profileId = active();
      const connection = deps.connectionFor(profileId);
      const simulatorBaseUrl = simulatorConnectionOrRefuse(connection, deps.simulatorBaseUrl());
      const before = calls.search(profileId, { limit: 1 }).total ?? 0;
      const generated = await generateSampleTraffic({ client: deps.clientOf(profileId), simulatorBaseUrl });
      // Count what the log really gained: logins and retries are calls too.
      const report = { ...generated, calls: (calls.search(profileId, { limit: 1 }).total ?? 0) - before };
      deps.audit?.({
        action: 'calls.sample-traffic',
        profileId,
        details: { calls: report.calls, orders: report.orders },
      });
      return report;
    },
    retention: () => ({ days: calls.retentionDays(active()) }),
    setRetention: ({ days }) => {
      const profileId = active();
      const result = calls.setRetentionDays(profileId, days);
      deps.audit?.({ action: 'calls.retention', profileId, details: result });
      return result;
    },
  };
}

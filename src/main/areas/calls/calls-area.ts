import { defineArea } from '../define-area.ts';
import { createCallsHandlers } from './calls-handlers.ts';
import { CallsService } from './calls-service.ts';

const HOUR_MS = 3_600_000;

/** calls.*: the call log's read side, support bundles, CSV, sample traffic, and retention as a job. */
export const callsArea = defineArea({
  name: 'calls',
  create: (kernel) => {
    const calls = new CallsService({ logOf: (profileId) => kernel.scopes.get(profileId), now: kernel.clock.now });
    return {
      handlers: {
        calls: createCallsHandlers({
          calls,
          clientOf: (profileId) => kernel.scopes.get(profileId).client(),
          activeProfileId: kernel.active.id,
          connectionFor: kernel.credentials.connectionFor,
          simulatorBaseUrl: kernel.simulator.baseUrl,
          audit: (entry) => kernel.audit.record(entry),
        }),
      },
      perProfile(scope) {
        calls.applyRetention(scope.profileId);
        // Applied when the profile opens, then hourly while it stays open.
        scope.addJob({
          name: 'calls.retention',
          schedule: { kind: 'interval', everyMs: HOUR_MS },
          run: async () => void calls.applyRetention(scope.profileId),
        });
      },
    };
  },
});

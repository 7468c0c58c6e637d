import { afterEach, describe, expect, it } from 'vitest';
import { createCallsHandlers } from '../../../src/main/areas/calls/calls-handlers.ts';
import { CallsService } from '../../../src/main/areas/calls/calls-service.ts';
import { AppError } from '../../../src/main/errors/app-error.ts';
import type { HubbleConnection } from '../../../src/main/hubble/connection.ts';
import { scopesFixture } from '../../fixtures/scopes.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const sim = useSimulator();
const tempDir = useTempDir();
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

function setUp(connection: () => HubbleConnection) {
  const fixture = scopesFixture(tempDir(), {
    connectionFor: () => connection(),
    client: { backoff: { baseDelayMs: 1, maxDelayMs: 2 } },
  });
  const calls = new CallsService({ logOf: (profileId) => fixture.scopes.get(profileId) });
  const audit: string[] = [];
  const handlers = createCallsHandlers({
    calls,
    clientOf: (profileId) => fixture.scopes.get(profileId).client(),
    activeProfileId: () => connection().profileId,
    connectionFor: () => connection(),
    simulatorBaseUrl: () => sim.sim.baseUrl,
    audit: (entry) => audit.push(entry.action),
  });
  close = () => fixture.close();
  return { calls, handlers, audit };
}

const ctx = { shell: 'browser-harness' } as const;

describe('generate sample traffic', () => {
  it('fills the Simulator profile\u2019s log with real calls: reads, orders of every outcome and E-code failures', async () => {
    const { calls, handlers, audit } = setUp(() => sim.connection());
    const report = await handlers.generateSampleTraffic(undefined, ctx);
    expect(report.orders).toBeGreaterThanOrEqual(8);
    expect(report.outcomes['ok']).toBeGreaterThan(10);
    for (const errorId of ['E150', 'E151', 'E156', 'E155', 'E102']) expect(report.outcomes[errorId], errorId).toBe(1);
    expect(report.outcomes['E001']).toBeGreaterThanOrEqual(2);
    expect(report.outcomes['network']).toBe(1);

    const requests = await sim.control.requests();
    const page = calls.search('simulator', { limit: 500 });
    expect(page.total).toBe(requests.length);
    expect(report.calls).toBe(requests.length);
    expect(new Set(page.rows.map((row) => row.requestId))).toEqual(
      new Set(requests.map((request) => request.requestId)),
    );
    const statuses = new Set(page.rows.map((row) => row.orderStatus).filter(Boolean));
    expect(statuses).toEqual(new Set(['SUCCESS', 'FAILED', 'PROCESSING']));
    const lost = calls.search('simulator', { filters: { outcome: 'unknown' } }).rows;
    expect(lost).toHaveLength(1);
    expect(
      calls
        .search('simulator', { filters: { referenceId: lost[0]!.referenceId! } })
        .rows.map((row) => `${row.method} ${row.outcome}`),
    ).toEqual(['GET ok', 'POST unknown']);
    expect(audit).toEqual(['calls.sample-traffic']);
  });

  it.each(['staging', 'production', 'custom'] as const)(
    'is refused in main on a %s profile, before any call leaves',
    async (environment) => {
      const { handlers } = setUp(() => sim.connection({ profileId: `p-${environment}`, environment }));
      const refused = handlers.generateSampleTraffic(undefined, ctx);
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toMatchObject({ kind: 'FORBIDDEN' });
      expect((await sim.control.stats()).requests).toBe(0);
    },
  );

  it('is refused when a simulator profile points somewhere else than the embedded simulator', async () => {
    const { handlers } = setUp(() => sim.connection({ baseUrl: 'http://127.0.0.1:9' }));
    await expect(handlers.generateSampleTraffic(undefined, ctx)).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});

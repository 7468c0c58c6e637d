import { describe, expect, it } from 'vitest';
import { createIpcRouter, type Handlers } from '../../../src/main/ipc/router.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';

const ctx = { shell: 'browser-harness' } as const;

/** The real router over the real contract; every handler is a spy that only notes it was reached. */
function routerWithSpies() {
  const reached: { channel: string; input: unknown }[] = [];
  const handlers: Record<string, Record<string, (input: unknown) => unknown>> = {};
  for (const channel of listChannels()) {
    const [area, name] = channel.split('.') as [string, string];
    handlers[area] ??= {};
    handlers[area][name] = (input) => {
      reached.push({ channel, input });
      return undefined;
    };
  }
  return { router: createIpcRouter(handlers as unknown as Handlers, { onUnexpectedError: () => {} }), reached };
}

/** A valid input for every `calls.*` operation that takes one, and the same input with an unknown key. */
const CASES: [channel: string, valid: unknown, withUnknownKey: unknown][] = [
  ['calls.search', { limit: 10 }, { limit: 10, pageToken: 'x' }],
  ['calls.search', { filters: { orderId: 'ORD1' } }, { filters: { orderId: 'ORD1', orderID: 'ORD2' } }],
  ['calls.search', { sort: { by: 'at', direction: 'asc' } }, { sort: { by: 'at', direction: 'asc', nulls: 'last' } }],
  ['calls.get', { id: 1 }, { id: 1, profileId: 'production' }],
  ['calls.bundle', { callId: 1 }, { callId: 1, includeSecrets: true }],
  ['calls.bundle', { orderId: 'ORD1' }, { orderId: 'ORD1', callId: 2 }],
  ['calls.bundle', { referenceId: 'ref-1' }, { referenceId: 'ref-1', extra: 1 }],
  ['calls.exportCsv', { filters: {} }, { filters: {}, includeBodies: true }],
  ['calls.exportCsv', { filters: { path: '/orders' } }, { filters: { path: '/orders', body: 'x' } }],
  ['calls.resolveIdentifier', { value: 'ORD1' }, { value: 'ORD1', kind: 'order-id' }],
  ['calls.setRetention', { days: 30 }, { days: 30, force: true }],
];

describe('calls.* inputs are strict', () => {
  it.each(CASES)('%s refuses an unknown key with VALIDATION and never reaches main', async (channel, valid, bad) => {
    const { router, reached } = routerWithSpies();
    const refused = await router.dispatch(channel, bad, ctx);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
    expect(reached).toEqual([]);

    await router.dispatch(channel, valid, ctx);
    expect(reached.map((call) => call.channel)).toEqual([channel]);
  });

  it('covers every calls.* operation that takes an input', () => {
    const withInput = listChannels().filter(
      (channel) =>
        channel.startsWith('calls.') && !['calls.generateSampleTraffic', 'calls.retention'].includes(channel),
    );
    expect(new Set(CASES.map(([channel]) => channel))).toEqual(new Set(withInput));
  });
});

import { describe, expect, it } from 'vitest';
import { buildHubbleApi } from '../../../src/shared/contract/build-api.ts';
import { contract, events, listChannels } from '../../../src/shared/contract/index.ts';

function fakeTransport() {
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    invoked,
    listeners,
    transport: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: channel };
      },
      subscribe: (event: string, listener: (payload: unknown) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
        return () => listeners.get(event)!.delete(listener);
      },
    },
  };
}

describe('window.hubble built from the contract', () => {
  it('has exactly one function per operation, `on`, and nothing else', () => {
    const api = buildHubbleApi(fakeTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'on'].sort());
    const exposed = Object.keys(contract).flatMap((area) => Object.keys(api[area]!).map((name) => `${area}.${name}`));
    expect(exposed.sort()).toEqual(listChannels().sort());
    for (const channel of exposed) {
      const [area, name] = channel.split('.') as [string, string];
      expect(typeof api[area]![name]).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each call on its own channel with the input as given', async () => {
    const { transport, invoked } = fakeTransport();
    const api = buildHubbleApi(transport);
    await api.app.info();
    await api.profiles.list();
    expect(invoked).toEqual([
      ['app.info', undefined],
      ['profiles.list', undefined],
    ]);
  });

  it('subscribes only to contract events and returns a working unsubscribe', () => {
    const { transport, listeners } = fakeTransport();
    const api = buildHubbleApi(transport);
    const seen: unknown[] = [];
    const eventName = Object.keys(events)[0] as keyof typeof events;
    const off = api.on(eventName, (payload) => seen.push(payload));
    listeners.get(eventName)!.forEach((listener) => listener('first'));
    off();
    listeners.get(eventName)!.forEach((listener) => listener('second'));
    expect(seen).toEqual(['first']);
    expect(() => api.on('not.an.event' as never, () => {})).toThrow(/Unknown event/);
  });
});

import { contract, channelOf, events, type HubbleApi } from './index.ts';

/** How a preload reaches main: Electron IPC in the app, a loopback bridge in the browser harness. */
export interface ContractTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

/** Builds `window.hubble`: exactly one function per contract operation plus `on`, nothing else. */
export function buildHubbleApi(transport: ContractTransport): HubbleApi {
  const api: Record<string, unknown> = {};
  for (const [area, ops] of Object.entries(contract)) {
    const areaApi: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const name of Object.keys(ops)) {
      const channel = channelOf(area, name);
      areaApi[name] = (input?: unknown) => transport.invoke(channel, input);
    }
    api[area] = Object.freeze(areaApi);
  }
  api.on = (eventName: string, listener: (payload: unknown) => void) => {
    if (!Object.hasOwn(events, eventName)) throw new Error(`Unknown event: ${eventName}`);
    if (typeof listener !== 'function') throw new Error('listener must be a function');
    return transport.subscribe(eventName, listener);
  };
  return Object.freeze(api) as unknown as HubbleApi;
}

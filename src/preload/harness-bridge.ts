import { buildHubbleApi } from '../shared/contract/build-api.ts';

// Browser-harness stand-in for the Electron preload: the same contract, carried over a loopback bridge.
// Only `npm run dev:browser` serves this file; the Electron build never includes it.
const token = document.querySelector<HTMLMetaElement>('meta[name="hubble-bridge-token"]')?.content ?? '';

let events: EventSource | undefined;

const api = buildHubbleApi({
  async invoke(channel, input) {
    const response = await fetch('/__bridge/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': token },
      body: JSON.stringify({ channel, input }),
    });
    return response.json();
  },
  subscribe(event, listener) {
    events ??= new EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`);
    const source = events;
    const forward = (message: MessageEvent<string>) => listener(JSON.parse(message.data));
    source.addEventListener(event, forward);
    return () => source.removeEventListener(event, forward);
  },
});

Object.defineProperty(window, 'hubble', { value: api, writable: false, configurable: false, enumerable: true });

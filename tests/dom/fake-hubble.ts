import { buildHubbleApi } from '../../src/shared/contract/build-api.ts';

export interface Invocation {
  channel: string;
  input: unknown;
}

export interface FakeHubble {
  /** Every call the page made, in order, for assertions. */
  invocations: Invocation[];
  /** Delivers an event to whatever the page subscribed with `hubble().on`. */
  emit(event: string, payload: unknown): void;
}

/** window.hubble built by the real contract builder over a fake transport; `answer` plays main. */
export function installFakeHubble(answer: (channel: string, input: unknown) => unknown): FakeHubble {
  const invocations: Invocation[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  Object.defineProperty(window, 'hubble', {
    configurable: true,
    value: buildHubbleApi({
      invoke: async (channel, input) => {
        invocations.push({ channel, input });
        return answer(channel, input);
      },
      subscribe: (event, listener) => {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
        return () => listeners.get(event)!.delete(listener);
      },
    }),
  });
  return { invocations, emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)) };
}

/** What `profiles.list` answers on a fresh install: only the built-in Simulator, active. */
export const simulatorOnlyProfiles = {
  activeProfileId: 'simulator',
  profiles: [
    {
      id: 'simulator',
      name: 'Simulator',
      environment: 'simulator',
      baseUrl: 'http://127.0.0.1:1',
      colour: '#7c3aed',
      builtIn: true,
    },
  ],
};

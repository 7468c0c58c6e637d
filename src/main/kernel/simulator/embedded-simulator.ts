import { startSimulator, type RunningSimulator } from '../../simulator/index.ts';

/**
 * The simulator behind the built-in Simulator profile. It starts the first time that profile is active and
 * then runs until quit, so switching away and back keeps its state (orders, wallet, clock).
 */
export interface EmbeddedSimulator {
  running(): RunningSimulator | null;
  baseUrl(): string | null;
  ensureStarted(): Promise<RunningSimulator>;
  close(): Promise<void>;
}

export function createEmbeddedSimulator(): EmbeddedSimulator {
  let simulator: RunningSimulator | null = null;
  let starting: Promise<RunningSimulator> | null = null;
  return {
    running: () => simulator,
    baseUrl: () => simulator?.baseUrl ?? null,
    ensureStarted() {
      starting ??= startSimulator().then((started) => (simulator = started));
      return starting;
    },
    async close() {
      const closing = starting;
      starting = null;
      simulator = null;
      await (await closing?.catch(() => null))?.close();
    },
  };
}

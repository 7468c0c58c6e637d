import { loadCatalogue } from './catalogue/load-catalogue.ts';
import { createSimulatorClock, type SimulatorClock } from './clock.ts';
import { SimEngine } from './engine.ts';
import type { ScenarioName } from './scenarios.ts';
import { listen } from './server.ts';

export interface SimulatorOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** The seeded random source (default 1). */
  seed?: number;
  /** Default 'calm'. */
  scenario?: ScenarioName;
  /** Default 3600. */
  tokenTtlSecs?: number;
  /** Default webhook target (and secret) for every client. */
  webhook?: { url: string; secret: string };
  /** Default: a controllable clock that starts at the wall clock's now and follows it. */
  clock?: SimulatorClock;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:PORT: the API under /v1/partners/..., controls under /__sim/... Serves every client. */
  baseUrl: string;
  /** Listeners that each serve one environment's clients only, as Hubble's two hosts do (credentials of the other → 401). */
  environmentUrls: { staging: string; production: string };
  /** The clock every time rule uses; advance it (or POST /__sim/clock/advance) instead of sleeping. */
  clock: SimulatorClock;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const engine = new SimEngine({
    seed: options.seed ?? 1,
    scenario: options.scenario ?? 'calm',
    tokenTtlSecs: options.tokenTtlSecs ?? 3600,
    webhook: options.webhook,
    clock: options.clock ?? createSimulatorClock(),
    catalogue: loadCatalogue(),
  });
  const main = await listen(engine, options.port ?? 0, null);
  const staging = await listen(engine, 0, 'staging');
  const production = await listen(engine, 0, 'production');
  engine.assetBase = main.url;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: main.url,
    environmentUrls: { staging: staging.url, production: production.url },
    clock: engine.clock,
    close() {
      closing ??= Promise.all([main.close(), staging.close(), production.close(), engine.close()]).then(
        () => undefined,
      );
      return closing;
    },
  };
}

export { DEMO_CLIENTS } from './demo-clients.ts';
export { createSimulatorClock, type SimulatorClock } from './clock.ts';
export { SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';

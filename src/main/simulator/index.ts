import { catalogueOfSize } from './catalogue/catalogue-of-size.ts';
import { loadCatalogue } from './catalogue/load-catalogue.ts';
import { createSimulatorClock, type SimulatorClock } from './clock.ts';
import { applyConfigPatch, configConflicts, configPatchSchema, defaultConfig, type ConfigPatch } from './config.ts';
import { SimEngine } from './engine.ts';
import type { ScenarioName } from './scenarios.ts';
import { listen } from './server.ts';
import type { WebhookSeed } from './webhooks/webhook-targets.ts';

export interface SimulatorOptions {
  /** 0 = a free port (default). */
  port?: number;
  /** The seeded random source (default 1). */
  seed?: number;
  /** Default 'calm'. */
  scenario?: ScenarioName;
  /** Default 3600. */
  tokenTtlSecs?: number;
  /** Webhook targets (one URL for all, a URL per type, per client) and the secret every client signs with. */
  webhook?: WebhookSeed;
  /** Default: a controllable clock that starts at the wall clock's now and follows it. */
  clock?: SimulatorClock;
  /**
   * Switches to start with, as for `POST /__sim/config` (e.g. `{defaultPageSize: 50, nextCursorShape: 'string'}`);
   * a reset returns to them. `tokenTtlSecs` above wins over the one here.
   */
  config?: ConfigPatch;
  /**
   * Catalogue size: the seed catalogue (201 brands, the default) plus brands generated from `seed`, for
   * benchmarks and large end-to-end runs. From 201 to 100,000.
   */
  brands?: number;
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

/** The starting switches, checked as `POST /__sim/config` checks them; a bad one throws before anything listens. */
function startingConfig(options: SimulatorOptions): ConfigPatch {
  const patch = configPatchSchema.parse(options.config ?? {});
  if (options.tokenTtlSecs !== undefined) patch.tokenTtlSecs = options.tokenTtlSecs;
  const conflicts = configConflicts(applyConfigPatch(defaultConfig(), patch));
  if (conflicts.length > 0) throw new RangeError(`simulator config: ${conflicts.join('; ')}`);
  return patch;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const seedCatalogue = loadCatalogue();
  const engine = new SimEngine({
    seed,
    scenario: options.scenario ?? 'calm',
    tokenTtlSecs: options.tokenTtlSecs ?? 3600,
    webhook: options.webhook,
    clock: options.clock ?? createSimulatorClock(),
    catalogue: options.brands === undefined ? seedCatalogue : catalogueOfSize(seedCatalogue, options.brands, seed),
    config: startingConfig(options),
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
export type { ConfigPatch, SimConfig } from './config.ts';
export { MAX_CATALOGUE_BRANDS } from './catalogue/catalogue-of-size.ts';

import type { Catalogue } from '../catalogue/catalogue-schema.ts';
import { applyConfigPatch, defaultConfig, type ConfigPatch, type SimConfig } from '../config.ts';
import { FaultQueue } from '../faults.ts';
import type { LatencySettings } from '../latency.ts';
import type { ForcedOutcome } from '../orders/outcome.ts';
import { createRandom, type Random } from '../random.ts';
import { SCENARIOS, type Scenario, type ScenarioName } from '../scenarios.ts';
import { BrandStore } from './brands.ts';
import { createClients, type ClientState } from './clients.ts';
import { OrderStore } from './orders.ts';
import { ProductCache } from './product-cache.ts';
import { RequestLog } from './request-log.ts';
import { TokenStore } from './tokens.ts';
import type { WebhookSeed } from '../webhooks/webhook-targets.ts';

/** Everything a reset throws away and rebuilds from the seed. */
export interface SimState {
  seed: number;
  random: Random;
  config: SimConfig;
  scenario: Scenario;
  latency: LatencySettings;
  clients: Map<string, ClientState>;
  brands: BrandStore;
  orders: OrderStore;
  tokens: TokenStore;
  requestLog: RequestLog;
  forcedOutcomes: ForcedOutcome[];
  faults: FaultQueue;
  logins: Record<string, number>;
  productCache: ProductCache;
}

export interface StateSeed {
  seed: number;
  scenario: ScenarioName;
  tokenTtlSecs: number;
  webhook: WebhookSeed | undefined;
  catalogue: Catalogue;
  /** Switches the simulator was started with; a reset returns to them. */
  config: ConfigPatch;
}

export function createSimState(seed: StateSeed): SimState {
  const config = applyConfigPatch(defaultConfig(seed.tokenTtlSecs), seed.config);
  const state: SimState = {
    seed: seed.seed,
    random: createRandom(seed.seed),
    config,
    scenario: SCENARIOS[seed.scenario],
    latency: SCENARIOS[seed.scenario].latency,
    clients: createClients({ webhook: seed.webhook, notEnabled: seed.catalogue.simulator.notEnabled }),
    brands: new BrandStore(seed.catalogue),
    orders: new OrderStore(),
    tokens: new TokenStore(),
    requestLog: new RequestLog(() => state.config.requestLogSize),
    forcedOutcomes: [],
    faults: new FaultQueue(),
    logins: {},
    productCache: new ProductCache(),
  };
  applyScenario(state, seed.scenario);
  return state;
}

/** Sets the scenario's outcome mix, latency and limits, and its wallets if it has any. */
export function applyScenario(state: SimState, name: ScenarioName): void {
  const scenario = SCENARIOS[name];
  state.scenario = scenario;
  state.latency = { ...scenario.latency };
  for (const client of state.clients.values()) {
    client.rateLimits = scenario.rateLimits.map((limit) => ({ ...limit }));
    const wallet = scenario.wallets[client.clientId];
    if (wallet) {
      client.walletPaise = Math.round(wallet.balance * 100);
      client.lowBalanceThresholdPaise = Math.round(wallet.lowBalanceThreshold * 100);
    }
  }
}

import type { SimulatorClock } from './clock.ts';
import type { Catalogue } from './catalogue/catalogue-schema.ts';
import type { ConfigPatch } from './config.ts';
import { newUlid } from './ids.ts';
import type { OrderPort } from './orders/order-port.ts';
import { settleDue } from './orders/settlement.ts';
import type { ScenarioName } from './scenarios.ts';
import type { ClientState } from './state/clients.ts';
import { createSimState, type SimState } from './state/sim-state.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import type { WebhookType } from './webhooks/payloads.ts';
import { targetUrlOf, type WebhookSeed } from './webhooks/webhook-targets.ts';

export interface EngineOptions {
  seed: number;
  scenario: ScenarioName;
  tokenTtlSecs: number;
  webhook: WebhookSeed | undefined;
  clock: SimulatorClock;
  catalogue: Catalogue;
  /** Switches to start with, and to return to on every reset. */
  config: ConfigPatch;
}

/**
 * The simulator's core: the state a reset rebuilds, the clock, the webhook dispatcher and the settlement timer.
 * Free of HTTP; the server and the control API call into it.
 */
export class SimEngine {
  readonly clock: SimulatorClock;
  readonly catalogue: Catalogue;
  readonly webhooks: WebhookDispatcher;
  /** The order logic's narrow view of this engine. */
  readonly orderPort: OrderPort;
  state: SimState;
  /** Base URL of the main listener, for absolute asset URLs in webhook payloads. */
  assetBase = '';
  private readonly options: EngineOptions;
  private settleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: EngineOptions) {
    this.options = options;
    this.clock = options.clock;
    this.catalogue = options.catalogue;
    this.state = this.freshState(options.seed, options.scenario);
    this.webhooks = new WebhookDispatcher({ config: () => this.state.config.webhooks, now: () => this.clock.now() });
    this.orderPort = createOrderPort(this);
  }

  /** Back to the seeded initial state: clients, wallets, brands, orders, tokens, logs, faults, config and clock offset. */
  reset(seed = this.options.seed, scenario = this.options.scenario): void {
    this.state = this.freshState(seed, scenario);
    this.webhooks.reset();
    this.clock.reset();
    this.armSettlementTimer();
  }

  now(): number {
    return this.clock.now();
  }

  /** Advances the clock, then settles whatever came due, in order. */
  advance(seconds: number): void {
    this.clock.advance(seconds * 1000);
    this.settleDue();
  }

  settleDue(): void {
    if (this.state.orders.pending.size === 0) return;
    settleDue(this.orderPort);
    this.armSettlementTimer();
  }

  /**
   * For interactive use: a real timer fires when the earliest PROCESSING order is due. A frozen clock never
   * moves on its own, so there is no timer then and settlement happens only through advance().
   */
  armSettlementTimer(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    if (this.closed || this.clock.frozen) return;
    const next = this.state.orders.nextSettlementAt();
    if (next === undefined) return;
    const delay = Math.min(Math.max(0, next - this.clock.now()), 2_147_483_647);
    this.settleTimer = setTimeout(() => {
      // A timer callback has no caller to report to: a failed settlement must never take the console down.
      try {
        this.settleDue();
      } catch {
        this.armSettlementTimer();
      }
    }, delay);
    this.settleTimer.unref();
  }

  notify(client: ClientState, type: WebhookType, payload: unknown): void {
    const url = targetUrlOf(client, type);
    if (!url) return;
    this.webhooks.enqueue({
      clientId: client.clientId,
      url,
      secret: client.webhookSecret,
      type,
      payload,
    });
  }

  /**
   * Brand webhooks go to every client the brand is enabled for, once per distinct endpoint: clients that share
   * a URL and secret (`--webhook-url` gives every demo client the same) are one receiver, which Hubble would
   * notify once, not once per account.
   */
  notifyBrand(brandId: string, type: WebhookType, payload: unknown): void {
    const sent = new Set<string>();
    for (const client of this.state.clients.values()) {
      if (client.notEnabledBrandIds.has(brandId)) continue;
      const target = `${targetUrlOf(client, type)}\n${client.webhookSecret}`;
      if (sent.has(target)) continue;
      sent.add(target);
      this.notify(client, type, payload);
    }
  }

  invalidateCaches(): void {
    this.state.brands.touch();
    this.state.productCache.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    await this.webhooks.close();
  }

  private freshState(seed: number, scenario: ScenarioName): SimState {
    return createSimState({
      seed,
      scenario,
      tokenTtlSecs: this.options.tokenTtlSecs,
      webhook: this.options.webhook,
      catalogue: this.catalogue,
      config: this.options.config,
    });
  }
}

/** Every member reads the engine's current state, so the port stays right across resets. */
function createOrderPort(engine: SimEngine): OrderPort {
  return {
    now: () => engine.now(),
    newId: () => newUlid(engine.clock, engine.state.random),
    get random() {
      return engine.state.random;
    },
    get config() {
      return engine.state.config;
    },
    get scenario() {
      return engine.state.scenario;
    },
    get orders() {
      return engine.state.orders;
    },
    get brands() {
      return engine.state.brands;
    },
    client: (clientId) => engine.state.clients.get(clientId),
    takeForcedOutcome(clientId) {
      const queue = engine.state.forcedOutcomes;
      const index = queue.findIndex((forced) => !forced.clientId || forced.clientId === clientId);
      return index < 0 ? undefined : queue.splice(index, 1)[0];
    },
    notify: (client, type, payload) => engine.notify(client, type, payload),
    settlementChanged: () => engine.armSettlementTimer(),
    get assetBase() {
      return engine.assetBase;
    },
  };
}

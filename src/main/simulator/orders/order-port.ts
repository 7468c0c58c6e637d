import type { SimConfig } from '../config.ts';
import type { Random } from '../random.ts';
import type { Scenario } from '../scenarios.ts';
import type { BrandStore } from '../state/brands.ts';
import type { ClientState } from '../state/clients.ts';
import type { OrderStore } from '../state/orders.ts';
import type { WebhookType } from '../webhooks/payloads.ts';
import type { ForcedOutcome } from './outcome.ts';

/**
 * What the order logic needs from the simulator, and nothing more. The engine implements it over its current
 * state (a reset swaps the state, so every member reads through to the live one); the order logic never sees
 * the engine, which keeps the import graph free of cycles.
 */
export interface OrderPort {
  /** The simulator clock, in epoch milliseconds. */
  now(): number;
  /** A new ULID on the simulator clock from the seeded random source. */
  newId(): string;
  /** The seeded random source: outcome draws, card numbers, PINs. */
  readonly random: Random;
  readonly config: SimConfig;
  readonly scenario: Scenario;
  readonly orders: OrderStore;
  readonly brands: BrandStore;
  client(clientId: string): ClientState | undefined;
  /** The forced outcome queued for this client (or for anyone), used up by the caller's order. */
  takeForcedOutcome(clientId: string): ForcedOutcome | undefined;
  /** Queues a webhook to the client's target, if it has one; never on the request's path. */
  notify(client: ClientState, type: WebhookType, payload: unknown): void;
  /** Re-arms the settlement timer after a PROCESSING order was added or settled. */
  settlementChanged(): void;
  /** Base URL of the main listener, for absolute asset URLs in webhook payloads. */
  readonly assetBase: string;
}

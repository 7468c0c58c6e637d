import type Database from 'better-sqlite3';
import type { HubbleClient } from '../../hubble/hubble-client.ts';

/**
 * What the orders domain needs from a profile scope, and nothing more: the profile's database, its Hubble client
 * (only the calls that place or read orders), a referenceId source and a clock. The kernel wires one per scope.
 */
export interface OrdersPort {
  readonly db: Database.Database;
  readonly client: Pick<HubbleClient, 'placeOrder' | 'getOrderByReference' | 'getOrder'>;
  /** a fresh referenceId, at most 40 characters, never reused */
  newReferenceId(): string;
  /** wall clock, epoch ms */
  now(): number;
}

import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { OrdersPort } from '../../../src/main/areas/orders/orders-port.ts';
import { newReferenceId } from '../../../src/main/areas/orders/reference-id.ts';
import type { HubbleClient } from '../../../src/main/hubble/hubble-client.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import type { Brand } from '../../../src/shared/hubble/brand.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

export interface PortFactory {
  /** the profile database file of this test */
  file(): string;
  /** a port on a fresh connection to the same file, as a restarted console would open it */
  port(client: OrdersPort['client'], overrides?: Partial<OrdersPort>): OrdersPort & { db: Database.Database };
}

/** One profile database file per test, opened through the real migrations; every connection closed afterwards. */
export function useOrdersDatabase(): PortFactory {
  const tempDir = useTempDir('hubble-orders-');
  const open: Database.Database[] = [];
  let file = '';
  afterEach(() => {
    for (const db of open.splice(0)) if (db.open) db.close();
    file = '';
  });
  const fileOf = () => (file ||= path.join(tempDir(), 'profile.db'));
  return {
    file: fileOf,
    port(client, overrides = {}) {
      const db = openDatabase(fileOf(), profileMigrations);
      open.push(db);
      return { db, client, newReferenceId, now: Date.now, ...overrides };
    },
  };
}

/** The brand exactly as Hubble serves it now. */
export async function liveBrand(client: Pick<HubbleClient, 'getProduct'>, productId: string): Promise<Brand> {
  const result = await client.getProduct(productId);
  if (result.outcome !== 'ok') throw new Error(`getProduct failed: ${result.failure.title}`);
  return result.value;
}

/** A stale copy of a brand (the catalog has not caught up), so an order Hubble will refuse passes locally. */
export const staleBrand = (brand: Brand, restrictions: Record<string, unknown>): Brand => ({
  ...brand,
  amountRestrictions: { ...brand.amountRestrictions, ...restrictions },
});

export const rows = <T = Record<string, unknown>>(db: Database.Database, sql: string, ...params: unknown[]): T[] =>
  db.prepare(sql).all(...params) as T[];

import type { Brand, Catalogue } from '../catalogue/catalogue-schema.ts';
import type { OutcomeName } from '../orders/outcome.ts';

/** A brand as the simulator holds it: the API object plus the state Hubble keeps but never shows. */
export interface BrandRecord {
  brand: Brand;
  /** Provider failure: the brand stays ACTIVE and listed, but orders get E100. */
  temporarilyDisabled: boolean;
  /** A test switch: every order of this brand gets this outcome. */
  forcedOutcome: OutcomeName | null;
  discountValidFrom: string;
  discountValidTo: string | null;
}

/**
 * The brands of one run. Records share the catalogue's Brand objects until a control changes one (copy on write),
 * so a reset stays cheap however large the catalogue is.
 */
export class BrandStore {
  private readonly records = new Map<string, BrandRecord>();
  private readonly owned = new Set<string>();
  /** Bumped on every change, so cached list responses are never stale. */
  version = 0;

  constructor(catalogue: Catalogue) {
    const disabled = new Set(catalogue.simulator.temporarilyDisabled);
    for (const brand of catalogue.brands) {
      this.records.set(brand.id, {
        brand,
        temporarilyDisabled: disabled.has(brand.id),
        forcedOutcome: null,
        discountValidFrom: catalogue.simulator.discountValidFrom[brand.id] ?? '2025-01-01',
        discountValidTo: null,
      });
    }
  }

  get(id: string): BrandRecord | undefined {
    return this.records.get(id);
  }

  /** The record with a Brand of its own, safe to change: the catalogue's copy is shared by every reset. */
  editable(id: string): BrandRecord | undefined {
    const record = this.records.get(id);
    if (record && !this.owned.has(id)) {
      record.brand = structuredClone(record.brand);
      this.owned.add(id);
    }
    return record;
  }

  all(): IterableIterator<BrandRecord> {
    return this.records.values();
  }

  touch(): void {
    this.version += 1;
  }
}

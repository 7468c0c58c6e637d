import type {
  BrandChange,
  BrandDetail,
  BrandRow,
  CatalogChangesResult,
  CatalogStatus,
  CatalogSync,
} from '../../src/shared/contract/catalog.ts';
import { installFakeHubble, type FakeHubble } from './fake-hubble.ts';

/** A catalog of `size` brands: every 50th INACTIVE, FIXED and FLEXIBLE in turn, names Brand 0000 … */
export function brandRows(size: number): BrandRow[] {
  return Array.from({ length: size }, (_, index) => {
    const fixed = index % 2 === 0;
    const name = index === 7 ? 'Croma' : index === 50 ? 'Jabong' : `Brand ${String(index).padStart(4, '0')}`;
    return {
      id: `B${String(index).padStart(5, '0')}`,
      name,
      status: index % 50 === 0 ? 'INACTIVE' : 'ACTIVE',
      categories: [index % 3 === 0 ? 'FOOD' : 'FASHION'],
      denominationType: fixed ? 'FIXED' : 'FLEXIBLE',
      denominationsPaise: fixed ? [50_000, 100_000] : null,
      faceMinPaise: fixed ? 50_000 : 10_000,
      faceMaxPaise: fixed ? 100_000 : 1_000_000,
      discountPercent: index % 5,
      initials: name.slice(0, 2).toUpperCase(),
    };
  });
}

export const lastSync: CatalogSync = {
  id: 2,
  startedAt: Date.UTC(2026, 10, 26, 1, 59),
  finishedAt: Date.UTC(2026, 10, 26, 2, 0),
  outcome: 'done',
  pages: 12,
  brands: 1200,
  added: 0,
  removed: 0,
  changed: 2,
  changes: 2,
  rejected: 0,
  error: null,
};

export function statusOf(rows: readonly BrandRow[], patch: Partial<CatalogStatus> = {}): CatalogStatus {
  return {
    brands: rows.length,
    inactive: rows.filter((row) => row.status === 'INACTIVE').length,
    categories: [
      { category: 'FASHION', count: rows.filter((row) => row.categories.includes('FASHION')).length },
      { category: 'FOOD', count: rows.filter((row) => row.categories.includes('FOOD')).length },
    ],
    lastSuccessAt: Date.now() - 3_600_000,
    ageMs: 3_600_000,
    stale: false,
    staleAfterMs: 25 * 3_600_000,
    lastSync,
    running: false,
    schedule: { kind: 'daily', at: '02:00' },
    scheduleSource: 'profile',
    nextRunAt: Date.now() + 3_600_000,
    ...patch,
  };
}

const change = (id: number, brand: BrandRow, kind: BrandChange['kind'], summary: string): BrandChange => ({
  id,
  syncId: 2,
  source: 'sync',
  brandId: brand.id,
  brandName: brand.name,
  kind,
  field: kind === 'discount' ? 'percent' : null,
  oldValue: null,
  newValue: null,
  at: lastSync.finishedAt!,
  summary,
});

export function changesOf(rows: readonly BrandRow[]): CatalogChangesResult {
  return {
    sync: lastSync,
    from: null,
    to: null,
    total: 2,
    truncated: false,
    groups: [
      {
        kind: 'became-inactive',
        label: 'Became INACTIVE (orders fail with E102)',
        changes: [change(1, rows[3]!, 'status', 'Status ACTIVE → INACTIVE')],
      },
      { kind: 'discount', label: 'Discount', changes: [change(2, rows[7]!, 'discount', 'Discount 4% → 7.5%')] },
    ],
  };
}

export function detailOf(row: BrandRow): BrandDetail {
  return {
    ...row,
    description: null,
    tags: [],
    cardType: null,
    redemptionType: 'ONLINE',
    restrictions: {
      minOrderPaise: 50_000,
      maxOrderPaise: 2_000_000,
      minVoucherPaise: null,
      maxVoucherPaise: 100_000,
      maxVouchersPerOrder: 5,
      maxVouchersPerDenomination: null,
      maxDenominationsPerOrder: null,
    },
    restrictionsText: 'Fixed values ₹500, ₹1,000, at most 5 vouchers per order, order total ₹500–₹20,000',
    discount: { percent: row.discountPercent ?? 0, validFrom: '2026-11-01', validTo: null },
    usageInstructions: [{ mode: 'ONLINE', name: 'Online', steps: ['Add to cart', 'Apply the card at checkout'] }],
    retailModes: null,
    termsAndConditions: null,
    tncUrl: null,
    firstSeenAt: lastSync.finishedAt!,
    updatedAt: lastSync.finishedAt!,
    history: [],
  };
}

export interface CatalogFake extends FakeHubble {
  rows: BrandRow[];
  searches(): { offset?: number; limit?: number; statuses?: string[] }[];
  /** resolves the pending catalog.syncNow with this outcome */
  finishSync(outcome: 'done' | 'failed' | 'cancelled'): void;
}

/** Plays main's catalog.* over `rows` (search pages and statuses as main does; the rest canned). */
export function installCatalogHubble(rows: BrandRow[], status: Partial<CatalogStatus> = {}): CatalogFake {
  let endSync: ((outcome: 'done' | 'failed' | 'cancelled') => void) | null = null;
  const ok = (value: unknown) => ({ ok: true, value });
  const fake = installFakeHubble((channel, input) => {
    const query = input as { offset?: number; limit?: number; statuses?: string[]; brandId?: string };
    switch (channel) {
      case 'catalog.status':
        return ok(statusOf(rows, status));
      case 'catalog.search': {
        const matching = rows.filter((row) =>
          query.statuses ? query.statuses.includes(row.status) : row.status !== 'INACTIVE',
        );
        const offset = query.offset ?? 0;
        return ok({ rows: matching.slice(offset, offset + (query.limit ?? 100)), total: matching.length });
      }
      case 'catalog.brand': {
        const row = rows.find((candidate) => candidate.id === query.brandId);
        return row ? ok(detailOf(row)) : { ok: false, error: { kind: 'NOT_FOUND', message: 'No such brand' } };
      }
      case 'catalog.logo':
        return ok({ initials: 'CR' });
      case 'catalog.changes':
        return ok(changesOf(rows));
      case 'catalog.syncs':
        return ok([lastSync]);
      case 'catalog.cancelSync':
        return ok({ cancelled: true });
      case 'catalog.syncNow':
        return new Promise((resolve) => {
          endSync = (outcome) => resolve(ok({ outcome, error: null, sync: { ...lastSync, outcome } }));
        });
      case 'profiles.list':
        return ok({ activeProfileId: 'p', profiles: [] });
      default:
        return { ok: false, error: { kind: 'INTERNAL', message: `not faked: ${channel}` } };
    }
  });
  return {
    ...fake,
    rows,
    searches: () =>
      fake.invocations.filter((call) => call.channel === 'catalog.search').map((call) => call.input as never),
    finishSync: (outcome) => endSync?.(outcome),
  };
}

/** happy-dom lays nothing out: the brand table's scroll box gets a size so the virtualizer renders rows. */
export function giveBrandTableASize(height = 640, width = 1200): () => void {
  const originals = (['clientHeight', 'clientWidth'] as const).map(
    (name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const,
  );
  for (const [name, original] of originals) {
    const fallback = original ?? Object.getOwnPropertyDescriptor(Element.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('brands-table__scroll')) return name === 'clientHeight' ? height : width;
        return (fallback?.get?.call(this) as number | undefined) ?? 0;
      },
    });
  }
  return () => {
    for (const [name, original] of originals)
      if (original) Object.defineProperty(HTMLElement.prototype, name, original);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
  };
}

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBrandWebhook } from '../../../src/main/areas/catalog/brand-webhook.ts';
import { CatalogStore } from '../../../src/main/areas/catalog/catalog-store.ts';
import { applyStagedCatalog, stageCatalog } from '../../../src/main/areas/catalog/catalog-sync.ts';
import { readChanges } from '../../../src/main/areas/catalog/change-history.ts';
import { migrate } from '../../../src/main/store/migrate.ts';
import { apiCallsMigration } from '../../../src/main/store/profile-migrations/001-api-calls.ts';
import { metricsMinuteMigration } from '../../../src/main/store/profile-migrations/002-metrics-minute.ts';
import { ordersMigration } from '../../../src/main/store/profile-migrations/003-orders.ts';
import { catalogMigration } from '../../../src/main/store/profile-migrations/004-catalog.ts';
import { brandSchema, type Brand } from '../../../src/shared/hubble/brand.ts';

const CROMA = '01GMAW822RPDJ5C50XK24QC2C4';
const ZOMATO = '01GMAVS2CHXR0XP1BZSTA9A44K';

/** V2/V3 shape: `category`, denominations inside amountRestrictions, a discount. */
const croma = (): Record<string, unknown> => ({
  id: CROMA,
  status: 'ACTIVE',
  title: 'Croma',
  category: ['ELECTRONICS'],
  denominationType: 'FIXED',
  amountRestrictions: {
    minOrderAmount: 500,
    maxOrderAmount: 20000,
    maxVouchersPerOrder: 5,
    maxVouchersPerDenomination: 3,
    maxDenominationsPerOrder: 2,
    denominations: [500, 1000, 2000, 5000],
  },
  discountPercentage: 4,
});
/** V1 shape: `categories`, deprecated minAmount/maxAmount, numbers as text. */
const zomato = (): Record<string, unknown> => ({
  id: ZOMATO,
  status: 'ACTIVE',
  title: 'Zomato',
  categories: ['FOOD', 'POPULAR_BRANDS'],
  denominationType: 'FLEXIBLE',
  amountRestrictions: {
    minAmount: '250',
    maxAmount: 40000,
    minVoucherAmount: 250,
    maxVoucherAmount: 10000,
    maxVouchersPerOrder: 4,
    denominations: null,
  },
  usageInstructions: { ONLINE: ['Open the app', 'Apply the code'] },
});

let db: Database.Database;
let store: CatalogStore;
let syncs = 0;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, [apiCallsMigration, metricsMinuteMigration, ordersMigration, catalogMigration]);
  store = new CatalogStore(db);
  syncs = 0;
});
afterEach(() => db.close());

function sync(...brands: Record<string, unknown>[]) {
  const parsed = new Map(brands.map((brand) => [brand['id'] as string, brandSchema.parse(brand) as Brand]));
  const syncId = store.startSync(++syncs * 1000);
  return applyStagedCatalog(store, stageCatalog(parsed, 1, 0), syncId, syncs * 1000);
}
const webhookChanges = () =>
  readChanges(db, { limit: 100 })
    .changes.filter((change) => change.source === 'webhook')
    .map((change) => [change.brandId, change.kind, change.field, change.oldValue, change.newValue]);

describe('brand records from every documented shape', () => {
  it('reads V1 and V2/V3 brands into one record: categories, deprecated limits, paise, instructions', () => {
    sync(croma(), zomato());
    expect(store.get(ZOMATO)).toMatchObject({
      categories: ['FOOD', 'POPULAR_BRANDS'],
      denominationsPaise: null,
      restrictions: {
        minOrderPaise: 25_000,
        maxOrderPaise: 4_000_000,
        minVoucherPaise: 25_000,
        maxVoucherPaise: 1_000_000,
      },
      usageInstructions: [{ mode: 'ONLINE', name: 'ONLINE', steps: ['Open the app', 'Apply the code'] }],
      retailModes: ['ONLINE'],
      discountPercent: null,
    });
    expect(store.get(CROMA)).toMatchObject({
      denominationsPaise: [50_000, 100_000, 200_000, 500_000],
      restrictions: { minOrderPaise: 50_000, maxVouchersPerDenomination: 3 },
      discountPercent: 4,
      retailModes: null,
    });
  });
});

describe('applyBrandWebhook', () => {
  it('applies Brand Updated (top-level denominations) and records each change as a webhook change', () => {
    sync(croma(), zomato());
    const result = applyBrandWebhook(
      { db },
      {
        id: CROMA,
        denominationType: 'FIXED',
        status: 'INACTIVE',
        denominations: [500, 1000],
        amountRestrictions: { minOrderAmount: 500, maxOrderAmount: 20000, maxVouchersPerOrder: 4 },
      },
      5_000,
    );
    expect(result).toMatchObject({ applied: true, brandId: CROMA, needsSync: false });
    expect(webhookChanges()).toEqual([
      [CROMA, 'status', null, 'ACTIVE', 'INACTIVE'],
      [CROMA, 'denominations', null, [50_000, 100_000, 200_000, 500_000], [50_000, 100_000]],
      [CROMA, 'restriction', 'maxVouchersPerOrder', 5, 4],
    ]);
    // A repeated delivery changes nothing and records nothing.
    expect(applyBrandWebhook({ db }, { id: CROMA, status: 'INACTIVE', denominations: [500, 1000] }).changes).toEqual(
      [],
    );
    expect(webhookChanges()).toHaveLength(3);

    // The next sync that brings the same state records no change twice.
    const next = croma();
    next['status'] = 'INACTIVE';
    next['amountRestrictions'] = {
      ...(next['amountRestrictions'] as object),
      denominations: [500, 1000],
      maxVouchersPerOrder: 4,
    };
    expect(sync(next, zomato())).toMatchObject({ changes: 0, changed: 0 });
  });

  it('applies Brand Discount Update with its validity, which later syncs keep while the percentage holds', () => {
    sync(croma());
    applyBrandWebhook(
      { db },
      { brandId: CROMA, subventionPercentage: 8, validFrom: '2025-12-23', validTo: '2026-02-28' },
      5_000,
    );
    expect(store.get(CROMA)).toMatchObject({
      discountPercent: 8,
      discountValidFrom: '2025-12-23',
      discountValidTo: '2026-02-28',
    });
    expect(webhookChanges()).toEqual([
      [CROMA, 'discount', 'percent', 4, 8],
      [CROMA, 'discount', 'validFrom', null, '2025-12-23'],
      [CROMA, 'discount', 'validTo', null, '2026-02-28'],
    ]);
    // A sync that changes other metadata (so the stored JSON differs) keeps the webhook's validity.
    expect(sync({ ...croma(), discountPercentage: 8, brandDescription: 'New words' })).toMatchObject({ changes: 0 });
    expect(store.get(CROMA)?.discountValidTo).toBe('2026-02-28');
    // A new percentage from the catalog ends the old validity.
    expect(sync({ ...croma(), discountPercentage: 6 })).toMatchObject({ changes: 3 });
  });

  it('applies SDK brand events and tells what it could not apply', () => {
    sync(croma(), zomato());
    expect(
      applyBrandWebhook(
        { db },
        { event: 'USER_DISCOUNT_UPDATED', details: { id: ZOMATO, name: 'Zomato', discountPercentage: 5 } },
      ).applied,
    ).toBe(true);
    expect(
      applyBrandWebhook({ db }, { event: 'BRAND_DISABLED', details: { id: ZOMATO, name: 'Zomato' } }).applied,
    ).toBe(true);
    expect(
      applyBrandWebhook(
        { db },
        {
          event: 'PARTNER_DISCOUNT_UPDATED',
          details: { brandId: CROMA, subventionPercentage: 3, validFrom: '2026-01-01' },
        },
      ).applied,
    ).toBe(true);
    expect(webhookChanges()).toEqual([
      [ZOMATO, 'discount', 'percent', null, 5],
      [ZOMATO, 'status', null, 'ACTIVE', 'INACTIVE'],
      [CROMA, 'discount', 'percent', 4, 3],
      [CROMA, 'discount', 'validFrom', null, '2026-01-01'],
    ]);
    expect(
      applyBrandWebhook({ db }, { event: 'NEW_BRAND_CREATED', details: { id: 'NEW', name: 'New' } }),
    ).toMatchObject({
      applied: false,
      needsSync: true,
    });
    expect(applyBrandWebhook({ db }, { id: 'UNKNOWN', status: 'INACTIVE', denominationType: 'FIXED' })).toMatchObject({
      applied: false,
      needsSync: true,
    });
    expect(applyBrandWebhook({ db }, { balance: 50, threshold: 100 })).toMatchObject({
      applied: false,
      needsSync: false,
    });
    expect(applyBrandWebhook({ db }, { id: 'order-1', status: 'SUCCESS' })).toMatchObject({
      applied: false,
      needsSync: false,
    });
  });
});

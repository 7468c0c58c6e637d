import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { istWindow } from '../../../src/main/areas/metrics/ist-windows.ts';
import { rateLimitMeters, wouldCross } from '../../../src/main/areas/metrics/rate-limit-usage.ts';
import type { RateLimit } from '../../../src/shared/contract/profiles.ts';
import { openProfileDb } from './profile-db.ts';

let db: Database.Database;
afterEach(() => db?.close());

let seq = 0;
function order(at: number, values: { status?: string; amountPaise?: number; brandId?: string; phone?: string } = {}) {
  seq += 1;
  db.prepare(
    `INSERT INTO orders (reference_id, status, source, intent_state, request_json, amount_paise, brand_id, customer_json, created_at, updated_at)
     VALUES (?, ?, 'console', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    `ref-${seq}`,
    values.status ?? 'SUCCESS',
    values.status === 'INTENT' ? 'unknown' : 'resolved',
    values.status === 'INTENT' ? '{}' : null,
    values.amountPaise ?? 100_00,
    values.brandId ?? 'B1',
    values.phone ? JSON.stringify({ phoneNumber: values.phone }) : null,
    at,
    at,
  );
}

// 2026-03-31 23:59:59.999 IST = 2026-03-31T18:29:59.999Z
const IST = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - 330 * 60_000;

describe('IST calendar windows', () => {
  it('hours start at HH:00 IST (HH:30 UTC), days at midnight IST, months on the 1st IST; each is [start, end)', () => {
    const at = IST(2026, 3, 31, 23, 59) + 59_999;
    expect(istWindow(at, 'hourly')).toEqual({ start: IST(2026, 3, 31, 23), end: IST(2026, 4, 1, 0) });
    expect(new Date(istWindow(at, 'hourly').start).toISOString()).toBe('2026-03-31T17:30:00.000Z');
    expect(istWindow(at, 'daily')).toEqual({ start: IST(2026, 3, 31), end: IST(2026, 4, 1) });
    expect(istWindow(at, 'monthly')).toEqual({ start: IST(2026, 3, 1), end: IST(2026, 4, 1) });
    // one millisecond later every window has rolled
    expect(istWindow(at + 1, 'monthly')).toEqual({ start: IST(2026, 4, 1), end: IST(2026, 5, 1) });
    expect(istWindow(at + 1, 'daily').start).toBe(at + 1);
    // December rolls into the next year
    expect(istWindow(IST(2026, 12, 15), 'monthly')).toEqual({ start: IST(2026, 12, 1), end: IST(2027, 1, 1) });
  });
});

describe('rate-limit meters', () => {
  it('count accepted orders inside the window only, at both boundaries', () => {
    db = openProfileDb();
    const start = IST(2026, 5, 10, 14);
    order(start - 1); // previous hour
    order(start); // first millisecond of the window
    order(start + 3_599_999); // last millisecond
    order(start + 3_600_000); // next hour
    order(start + 10, { status: 'FAILED' }); // accepted, then failed: it used the limit
    order(start + 20, { status: 'REJECTED' }); // refused: never counted
    order(start + 30, { status: 'INTENT' }); // unknown outcome: reported apart
    const limits: RateLimit[] = [{ scope: 'partner', type: 'count', window: 'hourly', limit: 4 }];
    const meters = rateLimitMeters(db, limits, start + 1_800_000);
    expect(meters.meters[0]).toMatchObject({ used: 3, uncertain: 1, capacity: 4, percentUsed: 75 });
    expect(meters.meters[0]!.window).toEqual({ start, end: start + 3_600_000 });
  });

  it('amount limits are in rupees and measured in paise; "each brand" and "per customer" report the worst one', () => {
    db = openProfileDb();
    const at = IST(2026, 5, 10, 14);
    order(at, { brandId: 'B1', amountPaise: 3_000_00, phone: '98******10' });
    order(at, { brandId: 'B1', amountPaise: 1_000_00, phone: '98******11' });
    order(at, { brandId: 'B2', amountPaise: 6_000_00, phone: '98******10' });
    const limits: RateLimit[] = [
      { scope: 'partner', type: 'amount', window: 'daily', limit: 20_000 },
      { scope: 'brand', productId: null, brandScope: 'global', type: 'amount', window: 'daily', limit: 10_000 },
      { scope: 'brand', productId: 'B1', brandScope: 'per-customer', type: 'count', window: 'daily', limit: 2 },
    ];
    const [partner, eachBrand, perCustomer] = rateLimitMeters(db, limits, at + 1).meters;
    expect(partner).toMatchObject({ used: 10_000_00, capacity: 20_000_00, percentUsed: 50 });
    expect(eachBrand).toMatchObject({ used: 6_000_00, percentUsed: 60, worst: 'B2' });
    expect(perCustomer).toMatchObject({ used: 1, capacity: 2, percentUsed: 50 });
  });

  it('wouldCross: exactly reaching a limit is allowed, one more is not; unknown outcomes count', () => {
    db = openProfileDb();
    const at = IST(2026, 5, 10, 14);
    const limits: RateLimit[] = [
      { scope: 'partner', type: 'count', window: 'hourly', limit: 5 },
      { scope: 'brand', productId: 'B1', brandScope: 'global', type: 'amount', window: 'daily', limit: 1_000 },
    ];
    order(at, { amountPaise: 400_00 });
    order(at, { amountPaise: 100_00, status: 'INTENT' });
    expect(wouldCross(db, limits, at + 1, { brandId: 'B1', orders: 3, amountPaise: 500_00 })).toEqual([]);
    const crossings = wouldCross(db, limits, at + 1, { brandId: 'B1', orders: 4, amountPaise: 500_01 });
    expect(crossings.map((crossing) => crossing.limit.type)).toEqual(['count', 'amount']);
    expect(crossings[1]).toMatchObject({ used: 400_00, uncertain: 100_00, adding: 500_01, capacity: 1_000_00 });
    // another brand is not limited by B1's limit; a new IST hour starts the count afresh
    expect(wouldCross(db, limits, at + 1, { brandId: 'B2', orders: 3, amountPaise: 900_00 })).toEqual([]);
    expect(wouldCross(db, limits, at + 3_600_000, { brandId: 'B2', orders: 5, amountPaise: 1 })).toEqual([]);
  });

  it('reports the E400 rate-limit failures of the current IST hour and day from the rollups', () => {
    db = openProfileDb();
    const at = IST(2026, 5, 10, 14, 30);
    const insert = db.prepare(
      `INSERT INTO metrics_minute (minute, endpoint, http_status, outcome, error_kind, error_key, order_status, calls, latency_ms_sum, latency_ms_max)
       VALUES (?, 'POST /v1/partners/orders', 400, 'failed', ?, ?, '', ?, 1, 1)`,
    );
    insert.run(Math.floor(at / 60_000), 'rate-limit', 'E400', 2);
    insert.run(Math.floor(IST(2026, 5, 10, 9) / 60_000), 'rate-limit', 'E400', 3);
    insert.run(Math.floor(IST(2026, 5, 9, 23) / 60_000), 'rate-limit', 'E400', 7);
    insert.run(Math.floor(at / 60_000), 'business', 'E300', 5);
    expect(rateLimitMeters(db, [], at).rateLimitFailures).toMatchObject({ hour: 2, day: 5 });
  });
});

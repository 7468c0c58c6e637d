import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { sampleAfterOrder } from '../../../src/main/areas/wallet/wallet-area.ts';
import { detectTopUps, hoursUntil, spendRatePerHour } from '../../../src/main/areas/wallet/wallet-math.ts';
import { walletCsv, walletSummary } from '../../../src/main/areas/wallet/wallet-service.ts';
import { WalletStore } from '../../../src/main/areas/wallet/wallet-store.ts';
import { defaultProfileSettings, type Profile } from '../../../src/shared/contract/profiles.ts';
import { openProfileDb } from '../metrics/profile-db.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);
const series = (count: number, stepMs: number, balanceAt: (index: number) => number) =>
  Array.from({ length: count }, (_, index) => ({ at: T0 + index * stepMs, balancePaise: balanceAt(index) }));

describe('wallet maths on synthetic series', () => {
  it('flat: no spending, no runway to compute, no top-up', () => {
    const flat = series(12, 5 * 60_000, () => 500_000_00);
    expect(spendRatePerHour(flat)).toBe(0);
    expect(hoursUntil(500_000_00, 0, 0)).toBeNull();
    expect(detectTopUps(flat)).toEqual([]);
  });

  it('linear spend: the rate is the slope and the runway the distance to the floor over it', () => {
    // ₹1,000 an hour, sampled every 5 minutes
    const linear = series(13, 5 * 60_000, (index) => 50_000_00 - index * (1_000_00 / 12));
    expect(spendRatePerHour(linear)).toBeCloseTo(1_000_00, 6);
    expect(hoursUntil(49_000_00, 10_000_00, 1_000_00)).toBe(39);
    expect(hoursUntil(9_000_00, 10_000_00, 1_000_00)).toBe(0);
  });

  it('top-up: the jump is detected (minus refunds in the same interval) and is not negative spending', () => {
    const withTopUp = [
      { at: T0, balancePaise: 20_000_00 },
      { at: T0 + HOUR, balancePaise: 19_000_00 },
      { at: T0 + 2 * HOUR, balancePaise: 119_000_00 }, // +₹1,00,000 top-up
      { at: T0 + 3 * HOUR, balancePaise: 118_000_00 },
    ];
    expect(detectTopUps(withTopUp)).toEqual([{ at: T0 + 2 * HOUR, amountPaise: 100_000_00 }]);
    expect(spendRatePerHour(withTopUp)).toBeCloseTo(2_000_00 / 3, 6);
    // a ₹500 refund inside the jump's interval is not part of the top-up, and gives spending back
    const refunds = (from: number, to: number) => (from < T0 + 2 * HOUR && to >= T0 + 2 * HOUR ? 500_00 : 0);
    expect(detectTopUps(withTopUp, refunds)).toEqual([{ at: T0 + 2 * HOUR, amountPaise: 99_500_00 }]);
    // a rise that is only a refund is no top-up
    expect(detectTopUps([withTopUp[0]!, { at: T0 + HOUR, balancePaise: 20_500_00 }], () => 500_00)).toEqual([]);
  });

  it('needs two samples ten minutes apart before it extrapolates', () => {
    expect(spendRatePerHour(series(1, 0, () => 1))).toBeNull();
    expect(spendRatePerHour(series(3, 60_000, (index) => 1_000 - index))).toBeNull();
  });
});

let db: Database.Database;
afterEach(() => db?.close());

const profile = (walletMinimum: number | null): Profile => ({
  ...defaultProfileSettings('staging', 'Ops Staging'),
  id: 'p1',
  baseUrl: 'https://api.dev.myhubble.money',
  builtIn: false,
  clientId: 'c',
  walletMinimum,
  credentialSource: 'keychain',
  secrets: {
    clientSecret: { set: true, updatedAt: null },
    webhookSecret: { set: false, updatedAt: null },
    teamDbPassword: { set: false, updatedAt: null },
  },
  createdAt: '',
  updatedAt: '',
});

describe('wallet store and summary', () => {
  it('stores top-ups when a sample jumps, deducting refunds of orders that failed after they were debited', () => {
    db = openProfileDb();
    const store = new WalletStore(db);
    store.insert(T0, 10_000_00, 'poll');
    // an order debited at T0 + 1 min that FAILED at T0 + 2 min: its ₹700 came back
    const id = Number(
      db
        .prepare(
          `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
           VALUES ('r1', 'FAILED', 'console', 'resolved', 70000, ?, ?)`,
        )
        .run(T0 + 60_000, T0 + 120_000).lastInsertRowid,
    );
    db.prepare(`INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, 'FAILED', ?, 'poll')`).run(
      id,
      T0 + 120_000,
    );
    store.insert(T0 + 5 * 60_000, 15_700_00, 'poll');
    expect(store.topUps(0, T0 + HOUR)).toEqual([{ at: T0 + 5 * 60_000, amountPaise: 5_000_00 }]);
  });

  it('summarises balance, spend rate and runway to E300 and to the minimum', () => {
    db = openProfileDb();
    const store = new WalletStore(db);
    for (let index = 0; index <= 12; index += 1)
      store.insert(T0 + index * 30 * 60_000, 60_000_00 - index * 500_00, 'poll');
    db.prepare(
      `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
       VALUES ('r1', 'SUCCESS', 'console', 'resolved', 200000, ?, ?)`,
    ).run(T0 + HOUR, T0 + HOUR);
    const now = T0 + 6 * HOUR;
    const summary = walletSummary(db, profile(20_000), now);
    expect(summary.latest).toEqual({ at: now, balancePaise: 54_000_00, source: 'poll' });
    expect(summary.spendRatePaisePerHour).toBeCloseTo(1_000_00, 6);
    expect(summary.typicalOrderPaise).toBe(2_000_00);
    expect(summary.runway.toE300Hours).toBeCloseTo(52, 6);
    expect(summary.runway.toMinimumHours).toBeCloseTo(34, 6);
    expect(summary.runway.toEmptyHours).toBeCloseTo(54, 6);
    expect(summary.belowMinimum).toBe(false);
  });

  it('exports samples as CSV in rupees with UTC and IST times', () => {
    db = openProfileDb();
    new WalletStore(db).insert(Date.UTC(2026, 0, 1, 18, 30), 1_234_56, 'manual');
    const csv = walletCsv(db, profile(null), Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 2));
    expect(csv.rows).toBe(1);
    expect(csv.csv).toBe(
      'time_utc,time_ist,balance_rupees,source\r\n2026-01-01T18:30:00.000Z,2026-01-02 00:00:00.000 IST,1234.56,manual\r\n',
    );
    expect(csv.fileName).toBe('wallet-Ops-Staging-2026-01-01-to-2026-01-02.csv');
  });
});

describe('a sample after orders', () => {
  it('waits, then takes one sample for every order of the run (calls meanwhile share it)', async () => {
    db = openProfileDb();
    let reads = 0;
    let release: () => void = () => undefined;
    const waited = new Promise<void>((resolve) => (release = resolve));
    const scope = {
      db,
      client: () => ({
        walletBalance: async () => {
          reads += 1;
          return { outcome: 'ok', value: { balance: 1234.5 } };
        },
      }),
    } as unknown as Parameters<typeof sampleAfterOrder>[0];
    const first = sampleAfterOrder(
      scope,
      () => T0,
      () => waited,
    );
    const second = sampleAfterOrder(
      scope,
      () => T0,
      () => waited,
    );
    expect(second).toBe(first);
    release();
    await first;
    expect(reads).toBe(1);
    expect(new WalletStore(db).latest()).toEqual({ at: T0, balancePaise: 1_234_50, source: 'order' });
  });
});

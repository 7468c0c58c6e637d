import type Database from 'better-sqlite3';
import type { Profile } from '../../../shared/contract/profiles.ts';
import type { WalletSample, WalletSummary } from '../../../shared/contract/wallet.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import { hoursUntil, spendRatePerHour } from './wallet-math.ts';
import { WalletStore, refundsIn } from './wallet-store.ts';

const HOUR_MS = 3_600_000;
/** "Recent" spending: long enough to smooth a burst of orders, short enough to follow a new pace the same day. */
export const SPEND_WINDOW_HOURS = 6;
const TOP_UPS_SHOWN_DAYS = 30;
export const MAX_SAMPLES_RETURNED = 5_000;

/** Reads the balance from Hubble and stores it; a failure is the call's own (it is in the call log too). */
export async function takeWalletSample(
  db: Database.Database,
  client: Pick<HubbleClient, 'walletBalance'>,
  now: () => number,
  source: WalletSample['source'],
): Promise<WalletSample> {
  const result = await client.walletBalance();
  if (result.outcome !== 'ok') {
    throw new AppError('HUBBLE', `The wallet balance could not be read: ${result.failure.title}`, {
      failure: result.failure,
    });
  }
  // Money rule: rupees from Hubble become whole paise once, here; nothing downstream holds rupee floats.
  const sample = new WalletStore(db).insert(now(), Math.round(result.value.balance * 100), source);
  recordSpend(db, sample.at);
  return sample;
}

interface Spend {
  rate: number | null;
  typicalOrderPaise: number;
}

function recentSpend(db: Database.Database, now: number): Spend {
  const store = new WalletStore(db);
  const windowStart = now - SPEND_WINDOW_HOURS * HOUR_MS;
  const recent = store.between(windowStart, now + 1, true);
  return {
    rate: spendRatePerHour(recent, refundsIn(db, recent[0]?.at ?? windowStart, now)),
    typicalOrderPaise: store.typicalOrderPaise(now - 24 * HOUR_MS),
  };
}

/** Keeps the spend rate after the latest sample where the alert evaluator (another area) reads it. */
function recordSpend(db: Database.Database, now: number): void {
  const latest = new WalletStore(db).latest();
  if (!latest) return;
  const spend = recentSpend(db, now);
  db.prepare(
    `INSERT INTO wallet_spend (id, at, balance_paise, spend_rate_paise_per_hour, typical_order_paise) VALUES (1, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET at = excluded.at, balance_paise = excluded.balance_paise,
       spend_rate_paise_per_hour = excluded.spend_rate_paise_per_hour, typical_order_paise = excluded.typical_order_paise`,
  ).run(latest.at, latest.balancePaise, spend.rate, spend.typicalOrderPaise);
}

export function walletSummary(db: Database.Database, profile: Profile, now: number): WalletSummary {
  const store = new WalletStore(db);
  const latest = store.latest();
  const { rate, typicalOrderPaise } = recentSpend(db, now);
  const minimumPaise = profile.walletMinimum === null ? null : Math.round(profile.walletMinimum * 100);
  const balance = latest?.balancePaise ?? null;
  return {
    latest,
    minimumPaise,
    belowMinimum: balance !== null && minimumPaise !== null && balance < minimumPaise,
    spendRatePaisePerHour: rate,
    spendWindowHours: SPEND_WINDOW_HOURS,
    typicalOrderPaise,
    runway: {
      toE300Hours: balance === null ? null : hoursUntil(balance, typicalOrderPaise, rate),
      toMinimumHours: balance === null || minimumPaise === null ? null : hoursUntil(balance, minimumPaise, rate),
      toEmptyHours: balance === null ? null : hoursUntil(balance, 0, rate),
    },
    pollEverySecs: profile.polling.walletSecs,
    topUps: store.topUps(now - TOP_UPS_SHOWN_DAYS * 24 * HOUR_MS, now + 1),
  };
}

/** Samples of a range, evenly thinned to at most MAX_SAMPLES_RETURNED (the first and last always kept). */
export function walletSamples(db: Database.Database, from: number, to: number) {
  const store = new WalletStore(db);
  const all = store.between(from, to);
  const thinned = all.length > MAX_SAMPLES_RETURNED;
  const samples = thinned
    ? Array.from(
        { length: MAX_SAMPLES_RETURNED },
        (_, index) => all[Math.round((index * (all.length - 1)) / (MAX_SAMPLES_RETURNED - 1))]!,
      )
    : all;
  return { samples, topUps: store.topUps(from, to), thinned };
}

const IST_OFFSET_MS = 330 * 60_000;
const istText = (at: number) => `${new Date(at + IST_OFFSET_MS).toISOString().slice(0, 23).replace('T', ' ')} IST`;
const rupees = (paise: number) =>
  `${paise < 0 ? '-' : ''}${Math.floor(Math.abs(paise) / 100)}.${String(Math.abs(paise) % 100).padStart(2, '0')}`;

/** Every sample of the range as CSV: only times, balances and sources (no identifiers, nothing secret). */
export function walletCsv(db: Database.Database, profile: Profile, from: number, to: number) {
  const samples = new WalletStore(db).between(from, to);
  const lines = ['time_utc,time_ist,balance_rupees,source'];
  for (const sample of samples) {
    lines.push(
      `${new Date(sample.at).toISOString()},${istText(sample.at)},${rupees(sample.balancePaise)},${sample.source}`,
    );
  }
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  const safeName = profile.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
  return {
    csv: `${lines.join('\r\n')}\r\n`,
    fileName: `wallet-${safeName}-${day(from)}-to-${day(to)}.csv`,
    rows: samples.length,
  };
}

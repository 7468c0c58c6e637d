import type Database from 'better-sqlite3';
import type { TopUp, WalletSample } from '../../../shared/contract/wallet.ts';
import { topUpBetween, type RefundsBetween } from './wallet-math.ts';

interface SampleRow {
  id: number;
  at: number;
  balance_paise: number;
  source: WalletSample['source'];
}

const toSample = (row: SampleRow): WalletSample => ({
  at: row.at,
  balancePaise: row.balance_paise,
  source: row.source,
});

/**
 * Refunds seen in the orders table between two instants: an order that became FAILED, REVERSED or CANCELLED
 * after it was created (one that failed at once was debited and refunded in the same instant and never showed
 * in a balance). Loaded once per range; the returned function sums the part in (from, to].
 */
export function refundsIn(db: Database.Database, from: number, to: number): RefundsBetween {
  const events = db
    .prepare(
      `SELECT h.at AS at, coalesce(o.amount_paise, 0) AS paise FROM order_status_history h JOIN orders o ON o.id = h.order_ref
       WHERE h.status IN ('FAILED', 'REVERSED', 'CANCELLED') AND h.at > ? AND h.at <= ? AND h.at > o.created_at`,
    )
    .all(from, to) as { at: number; paise: number }[];
  return (start, end) =>
    events.reduce((sum, event) => (event.at > start && event.at <= end ? sum + event.paise : sum), 0);
}

/** The wallet tables of one profile database (profile migration "wallet-samples"). */
export class WalletStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** Stores a sample and, when the balance rose beyond the refunds since the previous one, the top-up. */
  insert(at: number, balancePaise: number, source: WalletSample['source']): WalletSample {
    return this.#db.transaction(() => {
      const previous = this.#db
        .prepare('SELECT * FROM wallet_samples WHERE at <= ? ORDER BY at DESC, id DESC LIMIT 1')
        .get(at) as SampleRow | undefined;
      const id = Number(
        this.#db
          .prepare('INSERT INTO wallet_samples (at, balance_paise, source) VALUES (?, ?, ?)')
          .run(at, balancePaise, source).lastInsertRowid,
      );
      if (previous) {
        const amount = topUpBetween(
          { at: previous.at, balancePaise: previous.balance_paise },
          { at, balancePaise },
          refundsIn(this.#db, previous.at, at),
        );
        if (amount > 0)
          this.#db
            .prepare('INSERT INTO wallet_topups (sample_id, at, amount_paise) VALUES (?, ?, ?)')
            .run(id, at, amount);
      }
      return { at, balancePaise, source };
    })();
  }

  latest(): WalletSample | null {
    const row = this.#db.prepare('SELECT * FROM wallet_samples ORDER BY at DESC, id DESC LIMIT 1').get() as
      SampleRow | undefined;
    return row ? toSample(row) : null;
  }

  /** Samples in [from, to), oldest first; the one just before `from` too when `withPrevious` (a rate needs a start). */
  between(from: number, to: number, withPrevious = false): WalletSample[] {
    const rows = this.#db
      .prepare('SELECT * FROM wallet_samples WHERE at >= ? AND at < ? ORDER BY at, id')
      .all(from, to) as SampleRow[];
    if (withPrevious) {
      const before = this.#db
        .prepare('SELECT * FROM wallet_samples WHERE at < ? ORDER BY at DESC, id DESC LIMIT 1')
        .get(from) as SampleRow | undefined;
      if (before) rows.unshift(before);
    }
    return rows.map(toSample);
  }

  count(from: number, to: number): number {
    return this.#db
      .prepare('SELECT count(*) FROM wallet_samples WHERE at >= ? AND at < ?')
      .pluck()
      .get(from, to) as number;
  }

  topUps(from: number, to: number): TopUp[] {
    return (
      this.#db
        .prepare('SELECT at, amount_paise FROM wallet_topups WHERE at >= ? AND at < ? ORDER BY at')
        .all(from, to) as { at: number; amount_paise: number }[]
    ).map((row) => ({ at: row.at, amountPaise: row.amount_paise }));
  }

  /** The average accepted order since `since` (paise), what an E300 is measured against; 0 without orders. */
  typicalOrderPaise(since: number): number {
    const average = this.#db
      .prepare(
        `SELECT avg(amount_paise) FROM orders
         WHERE created_at >= ? AND status NOT IN ('REJECTED', 'INTENT') AND amount_paise IS NOT NULL`,
      )
      .pluck()
      .get(since) as number | null;
    return average === null ? 0 : Math.round(average);
  }
}

import type Database from 'better-sqlite3';

const WATERMARK_KEY = 'orders.history_id';
const MINUTE_MS = 60_000;

/**
 * The order rollups (metrics_orders_minute/hour) count orders by their *current* status in the minute they were
 * created, with their amount in paise. A status change moves an order between buckets of a minute already
 * rolled up, so the incremental path recomputes whole minutes from the orders table (idempotent) rather than
 * adding deltas: it cannot double count, whatever ran before.
 */
export function recomputeOrderMinutes(db: Database.Database, minutes: Iterable<number>): number {
  const deleteMinute = db.prepare('DELETE FROM metrics_orders_minute WHERE minute = ?');
  const fillMinute = db.prepare(
    `INSERT INTO metrics_orders_minute (minute, status, orders, amount_paise)
     SELECT @minute, status, count(*), coalesce(sum(amount_paise), 0) FROM orders
     WHERE created_at >= @from AND created_at < @to GROUP BY status`,
  );
  const deleteHour = db.prepare('DELETE FROM metrics_orders_hour WHERE hour = ?');
  const fillHour = db.prepare(
    `INSERT INTO metrics_orders_hour (hour, status, orders, amount_paise)
     SELECT @hour, status, sum(orders), sum(amount_paise) FROM metrics_orders_minute
     WHERE minute >= @from AND minute < @to GROUP BY status`,
  );
  const hours = new Set<number>();
  let done = 0;
  for (const minute of minutes) {
    deleteMinute.run(minute);
    fillMinute.run({ minute, from: minute * MINUTE_MS, to: (minute + 1) * MINUTE_MS });
    hours.add(Math.floor(minute / 60));
    done += 1;
  }
  for (const hour of hours) {
    deleteHour.run(hour);
    fillHour.run({ hour, from: hour * 60, to: (hour + 1) * 60 });
  }
  return done;
}

/**
 * The incremental path: every status change appends to order_status_history (an INTEGER PRIMARY KEY, so "since
 * the watermark" is an index range), including the first one of a new order; the minutes of the orders changed
 * since the last run are recomputed. Returns how many minutes were.
 */
export function rollUpNewOrders(db: Database.Database): number {
  return db.transaction(() => {
    const watermark =
      (db.prepare('SELECT value FROM metrics_state WHERE key = ?').pluck().get(WATERMARK_KEY) as number | undefined) ??
      0;
    const latest = db.prepare('SELECT coalesce(max(id), 0) FROM order_status_history').pluck().get() as number;
    if (latest <= watermark) return 0;
    const minutes = db
      .prepare(
        `SELECT DISTINCT o.created_at / 60000 FROM order_status_history h JOIN orders o ON o.id = h.order_ref
         WHERE h.id > ? AND h.id <= ?`,
      )
      .pluck()
      .all(watermark, latest) as number[];
    const done = recomputeOrderMinutes(db, minutes);
    writeWatermark(db, latest);
    return done;
  })();
}

export function writeWatermark(db: Database.Database, historyId: number): void {
  db.prepare(
    'INSERT INTO metrics_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(WATERMARK_KEY, historyId);
}

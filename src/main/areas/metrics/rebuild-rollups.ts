import type Database from 'better-sqlite3';
import type { RebuildReport } from '../../../shared/contract/metrics.ts';
import {
  bucketOfMinute,
  DERIVED_ROLLUP_TABLES,
  derivedRollupSql,
  rawToMinuteRollupSql,
} from '../../kernel/call-log/metrics-rollup.ts';
import { writeWatermark } from './order-rollups.ts';

/**
 * The maintenance rebuild: every rollup recomputed exactly from raw rows, in one transaction (readers see the
 * old or the new rollups, never a mix). Call rollups are rebuilt only where the raw call log still covers whole
 * minutes: calls past retention are gone while their rollups are kept on purpose (long trends), so those
 * older rows stay as they are. The narrow per-endpoint and per-error tables (minute and hour) are derived
 * from the rebuilt minutes. Order rollups are rebuilt from the orders table
 * entirely (orders are never deleted by retention).
 */
export function rebuildRollups(db: Database.Database): RebuildReport {
  return db.transaction((): RebuildReport => {
    const oldest = db.prepare('SELECT min(at) FROM api_calls').pluck().get() as number | null;
    const oldestRollup = db.prepare('SELECT min(minute) FROM metrics_minute').pluck().get() as number | null;
    let fromMinute: number | null = null;
    if (oldest !== null) {
      fromMinute = Math.floor(oldest / 60_000);
      // Retention deletes calls before an instant, so the oldest call's minute may have lost some: its rollup
      // then counts more calls than are left, and it is kept rather than rebuilt short.
      const rolled = db
        .prepare('SELECT total(calls) FROM metrics_minute WHERE minute = ?')
        .pluck()
        .get(fromMinute) as number;
      const raw = db
        .prepare('SELECT count(*) FROM api_calls WHERE at >= ? AND at < ?')
        .pluck()
        .get(fromMinute * 60_000, (fromMinute + 1) * 60_000) as number;
      if (rolled > raw) fromMinute += 1;
    } else if (oldestRollup === null) fromMinute = 0;
    let callMinutes = 0;
    let callHours = 0;
    if (fromMinute !== null) {
      db.prepare('DELETE FROM metrics_minute WHERE minute >= ?').run(fromMinute);
      callMinutes = db.prepare(rawToMinuteRollupSql()).run({ fromMs: fromMinute * 60_000 }).changes;
      // The narrow tables are derived from whole hours of metrics_minute (the kept minutes of the first hour too),
      // the day table from whole days of the hour rows (the kept hours of the first day too).
      const fromHour = Math.floor(fromMinute / 60);
      for (const [table, column] of DERIVED_ROLLUP_TABLES)
        db.prepare(`DELETE FROM ${table} WHERE ${column} >= ?`).run(bucketOfMinute(column, fromHour * 60));
      for (const sql of derivedRollupSql()) {
        const changes = db.prepare(sql).run({ fromMinute: fromHour * 60 }).changes;
        if (sql.includes('INTO metrics_endpoint_hour')) callHours = changes;
      }
    }
    db.exec('DELETE FROM metrics_orders_minute; DELETE FROM metrics_orders_hour;');
    const orderMinutes = db
      .prepare(
        `INSERT INTO metrics_orders_minute (minute, status, orders, amount_paise)
         SELECT created_at / 60000, status, count(*), coalesce(sum(amount_paise), 0) FROM orders GROUP BY 1, 2`,
      )
      .run().changes;
    const orderHours = db
      .prepare(
        `INSERT INTO metrics_orders_hour (hour, status, orders, amount_paise)
         SELECT minute / 60, status, sum(orders), sum(amount_paise) FROM metrics_orders_minute GROUP BY 1, 2`,
      )
      .run().changes;
    writeWatermark(db, db.prepare('SELECT coalesce(max(id), 0) FROM order_status_history').pluck().get() as number);
    return {
      callMinutes,
      callHours,
      orderMinutes,
      orderHours,
      rebuiltFrom: fromMinute === null || oldest === null ? null : fromMinute * 60_000,
    };
  })();
}

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CallLogWriter } from '../../../src/main/kernel/call-log/call-log-writer.ts';
import { HISTOGRAM_COLUMNS } from '../../../src/main/kernel/call-log/metrics-rollup.ts';
import { migrate } from '../../../src/main/store/migrate.ts';
import { metricsEndpointDayMigration } from '../../../src/main/store/profile-migrations/013-metrics-endpoint-day.ts';
import { callRecord } from '../calls/call-records.ts';
import { failure } from '../calls/failures.ts';
import { dashboardMigrations } from './profile-db.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 22, 0, 0);

describe('profile migration "metrics-endpoint-day"', () => {
  it('fills the day table from the hour rows of an existing database, as the writer would have', () => {
    const all = dashboardMigrations();
    const index = all.findIndex((migration) => migration.name === metricsEndpointDayMigration.name);
    const db = new Database(':memory:');
    migrate(db, all);
    const writer = new CallLogWriter(db);
    for (const [offset, latency, failed] of [
      [0, 12, false],
      [3_600_000, 480, true],
      [3 * 3_600_000, 95, false],
      [DAY + 60_000, 2_600, true],
    ] as const) {
      writer.record(
        callRecord({
          at: T0 + offset,
          latencyMs: latency,
          outcome: failed ? 'failed' : 'ok',
          failure: failed ? failure({ kind: 'server' }) : null,
        }),
      );
    }
    writer.flush();
    writer.close();
    const rows = () =>
      db
        .prepare(
          `SELECT day, endpoint, calls, failed, latency_ms_sum, latency_ms_max, ${HISTOGRAM_COLUMNS.join(', ')} FROM metrics_endpoint_day ORDER BY day, endpoint`,
        )
        .all();
    const written = rows();
    // 22:00 and 23:00 on one UTC day, 01:00 and 22:01 on the next
    expect(written.map((row) => (row as { calls: number }).calls)).toEqual([2, 2]);
    // the database as it was before the migration: no day table, at the version before it
    db.exec('DROP TABLE metrics_endpoint_day');
    db.pragma(`user_version = ${index}`);
    migrate(db, all);
    expect(rows()).toEqual(written);
    db.close();
  });
});

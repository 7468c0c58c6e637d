import path from 'node:path';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CallQueries, pageSql } from '../../../src/main/areas/calls/call-queries.ts';
import type { CallFilters, CallSort } from '../../../src/shared/contract/calls.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { profileMigrations } from '../../../src/main/store/profile-migrations/index.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';

const tempDir = useTempDir();
const ROWS = 2_500;
const T0 = Date.UTC(2024, 4, 1);
let db: Database.Database | undefined;
afterEach(() => db?.close());

/**
 * A log with everything keyset paging can trip over: time ties (three calls a second, inserted out of
 * order), calls with no HTTP status, repeated latencies and paths.
 */
function seededLog(rows = ROWS): Database.Database {
  db = openDatabase(path.join(tempDir(), 'calls.db'), profileMigrations);
  const insert = db.prepare(`INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint,
    http_status, outcome, latency_ms, request_id, order_id) VALUES (?, 'p', 'staging', 'u', 'GET', ?, 'e', ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) {
      const shuffled = (i * 7919) % rows;
      const status = shuffled % 11 === 0 ? null : shuffled % 5 === 0 ? 400 : 200;
      insert.run(
        T0 + Math.floor(shuffled / 3) * 1000,
        `/v1/partners/${['orders', 'wallet/balance', 'products'][shuffled % 3]}`,
        status,
        status === 200 ? 'ok' : status === null ? 'unknown' : 'failed',
        40 + (shuffled % 17),
        `req-${i}`,
        shuffled % 4 === 0 ? `ORD${shuffled % 50}` : null,
      );
    }
  })();
  return db;
}

const SORT_COLUMN = { at: 'at', latency: 'latency_ms', status: 'http_status', path: 'path' } as const;

/** What the Calls table showed before keyset paging: ORDER BY the column, then id, with OFFSET. */
function offsetPage(database: Database.Database, sort: CallSort, offset: number, limit: number, where = ''): number[] {
  const direction = sort.direction.toUpperCase();
  return database
    .prepare(
      `SELECT id FROM api_calls ${where} ORDER BY ${SORT_COLUMN[sort.by]} ${direction}, id ${direction} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(limit, offset) as number[];
}

const sorts = fc.record({
  by: fc.constantFrom('at', 'latency', 'status', 'path' as const),
  direction: fc.constantFrom('asc', 'desc' as const),
});

describe('keyset paging of the call log', () => {
  it('returns exactly the rows OFFSET paging returned, for any sort, any order of jumps and any page size', () => {
    const database = seededLog();
    fc.assert(
      fc.property(
        sorts,
        fc.array(fc.tuple(fc.integer({ min: 0, max: ROWS + 50 }), fc.integer({ min: 1, max: 250 })), {
          minLength: 1,
          maxLength: 12,
        }),
        (sort, jumps) => {
          const queries = new CallQueries(database);
          for (const [offset, limit] of jumps)
            expect(queries.page({}, sort, offset, limit).map((row) => row.id)).toEqual(
              offsetPage(database, sort, offset, limit),
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps matching OFFSET paging under filters, scrolling down and then back up page by page', () => {
    const database = seededLog();
    const filters: CallFilters = { statusClass: '2xx' };
    const queries = new CallQueries(database);
    for (const sort of [
      { by: 'at', direction: 'desc' },
      { by: 'status', direction: 'asc' },
    ] as const) {
      const positions = [0, 1_200, 1_300, 1_100, 1_000, 100, 1_400];
      for (const offset of positions)
        expect(queries.page(filters, sort, offset, 100).map((row) => row.id)).toEqual(
          offsetPage(database, sort, offset, 100, 'WHERE http_status >= 200 AND http_status < 300'),
        );
    }
  });

  it('seeks a deep page through the time index: no OFFSET, no sort of the table', () => {
    const database = seededLog();
    database.exec('ANALYZE');
    const sort: CallSort = { by: 'at', direction: 'desc' };
    const deep = pageSql({}, sort, true);
    expect(deep.sql).not.toMatch(/OFFSET/i);
    const plan = (
      database
        .prepare(`EXPLAIN QUERY PLAN ${deep.sql}`)
        .all({ ...deep.params, snapshot: ROWS, limit: 100, anchorKey: T0, anchorId: 10 }) as { detail: string }[]
    ).map((step) => step.detail);
    expect(plan).toEqual([expect.stringMatching(/^SEARCH api_calls USING INDEX api_calls_at \(at<\?\)$/)]);

    const ascending = pageSql({ outcome: 'failed' }, { by: 'at', direction: 'asc' }, true);
    const ascendingPlan = (
      database
        .prepare(`EXPLAIN QUERY PLAN ${ascending.sql}`)
        .all({ ...ascending.params, snapshot: ROWS, limit: 100, anchorKey: T0, anchorId: 10 }) as {
        detail: string;
      }[]
    ).map((step) => step.detail);
    expect(ascendingPlan.join(' ')).toMatch(/SEARCH api_calls USING INDEX api_calls_at \(at>\?\)/);
    expect(ascendingPlan.join(' ')).not.toMatch(/TEMP B-TREE/);
  });

  it('leaves calls recorded after the search began out of its later pages', () => {
    const database = seededLog(300);
    const queries = new CallQueries(database);
    const sort: CallSort = { by: 'at', direction: 'desc' };
    const snapshot = queries.latestId();
    const before = [0, 100, 200].map((offset) => queries.page({}, sort, offset, 100, snapshot).map((row) => row.id));
    database
      .prepare(
        `INSERT INTO api_calls (at, profile_id, environment, base_url, method, path, endpoint, http_status, outcome, latency_ms, request_id)
         VALUES (?, 'p', 'staging', 'u', 'GET', '/x', 'e', 200, 'ok', 1, 'new')`,
      )
      .run(T0 + 10_000_000);
    const after = [0, 100, 200].map((offset) => queries.page({}, sort, offset, 100, snapshot).map((row) => row.id));
    expect(after).toEqual(before);
    expect(queries.count({}, snapshot)).toBe(300);
    expect(queries.page({}, sort, 0, 1)[0]!.id).toBe(301);
  });
});

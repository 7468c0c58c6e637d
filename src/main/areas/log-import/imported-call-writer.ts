import type Database from 'better-sqlite3';
import { CALL_COLUMNS } from '../../kernel/call-log/call-log-writer.ts';
import { prepareRollupUpsert, rollUp } from '../../kernel/call-log/metrics-rollup.ts';
import type { ImportedCallRow } from './row-to-call.ts';

const COLUMNS: readonly (keyof ImportedCallRow)[] = [...CALL_COLUMNS, 'import_key', 'brand'];

/**
 * Writes imported calls in batches, one transaction each: a row whose import_key is already there is skipped
 * (the same file imported twice adds nothing), and only the rows actually added reach the per-minute rollups,
 * so the dashboards count each call once.
 */
export function createImportedCallWriter(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO api_calls (${COLUMNS.join(', ')}, source) VALUES (${COLUMNS.map((column) => `@${column}`).join(', ')}, 'import')
     ON CONFLICT (import_key) WHERE import_key IS NOT NULL DO NOTHING`,
  );
  const upsert = prepareRollupUpsert(db);
  const write = db.transaction((rows: readonly ImportedCallRow[]) => {
    const added: ImportedCallRow[] = [];
    for (const row of rows) if (insert.run(row).changes === 1) added.push(row);
    for (const bucket of rollUp(added)) upsert(bucket);
    return { added: added.length, duplicates: rows.length - added.length };
  });
  return { write };
}

import type Database from 'better-sqlite3';
import { columnMappingSchema, type ColumnMapping, type LogFormat } from '../../../shared/contract/logImport.ts';

export function savedMapping(db: Database.Database, format: LogFormat): ColumnMapping | null {
  const row = db
    .prepare<[string], { mapping_json: string }>('SELECT mapping_json FROM log_import_mappings WHERE format = ?')
    .get(format);
  if (!row) return null;
  const parsed = columnMappingSchema.safeParse(JSON.parse(row.mapping_json));
  return parsed.success ? parsed.data : null;
}

export function saveMapping(db: Database.Database, format: LogFormat, mapping: ColumnMapping, now: number): void {
  db.prepare(
    `INSERT INTO log_import_mappings (format, mapping_json, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (format) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(format, JSON.stringify(columnMappingSchema.parse(mapping)), now);
}

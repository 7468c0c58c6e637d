import type Database from 'better-sqlite3';
import {
  changeGroupKindSchema,
  type BrandChange,
  type CatalogChangesResult,
  type ChangeGroupKind,
  type ChangeKind,
  type CatalogSync,
} from '../../../shared/contract/catalog.ts';
import { describeChange } from './restriction-words.ts';

interface ChangeRow {
  id: number;
  sync_id: number | null;
  source: 'sync' | 'webhook';
  brand_id: string;
  brand_name: string | null;
  kind: ChangeKind;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  at: number;
}

const parsed = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function changeOf(row: ChangeRow): BrandChange {
  const oldValue = parsed(row.old_value);
  const newValue = parsed(row.new_value);
  return {
    id: row.id,
    syncId: row.sync_id,
    source: row.source,
    brandId: row.brand_id,
    brandName: row.brand_name,
    kind: row.kind,
    field: row.field,
    oldValue,
    newValue,
    at: row.at,
    summary: describeChange(row.kind, row.field, oldValue, newValue),
  };
}

/** The order groups are shown in (the contract lists them so): what fails orders first (E102, then E150/E15x), additions last. */
export const GROUP_ORDER: readonly ChangeGroupKind[] = changeGroupKindSchema.options;

const GROUP_LABELS: Record<ChangeGroupKind, string> = {
  'became-inactive': 'Became INACTIVE (orders fail with E102)',
  removed: 'No longer offered to this client',
  denominations: 'Denominations changed',
  'denomination-type': 'Denomination type changed',
  restriction: 'Amount restrictions changed',
  discount: 'Discount changed',
  status: 'Other status changes',
  category: 'Categories changed',
  name: 'Renamed',
  added: 'New brands',
};

export const groupOf = (change: Pick<BrandChange, 'kind' | 'newValue'>): ChangeGroupKind =>
  change.kind === 'status' && change.newValue === 'INACTIVE' ? 'became-inactive' : change.kind;

/** Changes grouped by what they mean, in GROUP_ORDER; within a group by brand name, then field. */
export function groupChanges(changes: readonly BrandChange[]): CatalogChangesResult['groups'] {
  const groups = new Map<ChangeGroupKind, BrandChange[]>();
  for (const change of changes) {
    const kind = groupOf(change);
    groups.set(kind, [...(groups.get(kind) ?? []), change]);
  }
  const byName = (a: BrandChange, b: BrandChange) =>
    (a.brandName ?? a.brandId).localeCompare(b.brandName ?? b.brandId) ||
    (a.field ?? '').localeCompare(b.field ?? '') ||
    a.id - b.id;
  return GROUP_ORDER.filter((kind) => groups.has(kind)).map((kind) => ({
    kind,
    label: GROUP_LABELS[kind],
    changes: groups.get(kind)!.sort(byName),
  }));
}

export interface ChangeWindow {
  readonly syncId?: number;
  readonly from?: number;
  readonly to?: number;
  readonly limit: number;
}

/** Changes of one sync, or of a time range (syncs and webhooks alike). */
export function readChanges(db: Database.Database, window: ChangeWindow): { changes: BrandChange[]; total: number } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (window.syncId !== undefined) {
    clauses.push('sync_id = ?');
    params.push(window.syncId);
  }
  if (window.from !== undefined) {
    clauses.push('at >= ?');
    params.push(window.from);
  }
  if (window.to !== undefined) {
    clauses.push('at < ?');
    params.push(window.to);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const rows = db
    .prepare(`SELECT * FROM brand_changes ${where} ORDER BY id LIMIT ?`)
    .all(...params, window.limit) as ChangeRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM brand_changes ${where}`).get(...params) as { n: number }).n;
  return { changes: rows.map(changeOf), total };
}

export function brandHistory(db: Database.Database, brandId: string, limit = 200): BrandChange[] {
  return (
    db
      .prepare('SELECT * FROM brand_changes WHERE brand_id = ? ORDER BY id DESC LIMIT ?')
      .all(brandId, limit) as ChangeRow[]
  ).map(changeOf);
}

export function changesResult(
  sync: CatalogSync | null,
  window: ChangeWindow,
  read: { changes: BrandChange[]; total: number },
): CatalogChangesResult {
  return {
    sync,
    from: window.from ?? null,
    to: window.to ?? null,
    groups: groupChanges(read.changes),
    total: read.total,
    truncated: read.total > read.changes.length,
  };
}

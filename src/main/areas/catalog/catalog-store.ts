import type Database from 'better-sqlite3';
import type { CatalogSync, SyncOutcome } from '../../../shared/contract/catalog.ts';
import type { BrandDelta } from './brand-diff.ts';
import { faceRange, foldName, type BrandRecord } from './brand-record.ts';

/** A stored brand: its record plus when the catalog first saw it and last changed it. */
export interface StoredBrand extends BrandRecord {
  readonly firstSeenAt: number;
  readonly updatedAt: number;
}

export interface BrandRow {
  id: string;
  name: string;
  status: string;
  categories: string;
  denomination_type: string | null;
  denominations: string | null;
  face_min_paise: number | null;
  face_max_paise: number | null;
  min_order_paise: number | null;
  max_order_paise: number | null;
  min_voucher_paise: number | null;
  max_voucher_paise: number | null;
  max_vouchers_per_order: number | null;
  max_vouchers_per_denomination: number | null;
  max_denominations_per_order: number | null;
  discount_percent: number | null;
  discount_valid_from: string | null;
  discount_valid_to: string | null;
  retail_modes: string | null;
  usage_instructions: string | null;
  logo_url: string | null;
  raw_json: string;
  first_seen_at: number;
  updated_at: number;
}

interface SyncRow {
  id: number;
  started_at: number;
  finished_at: number | null;
  outcome: SyncOutcome;
  pages: number;
  brands: number;
  added: number;
  removed: number;
  changed: number;
  changes: number;
  rejected: number;
  error: string | null;
}

export interface SyncCounts {
  pages: number;
  brands: number;
  added: number;
  removed: number;
  changed: number;
  changes: number;
  rejected: number;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
const parsed = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function storedBrandOf(row: BrandRow): StoredBrand {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    categories: JSON.parse(row.categories) as string[],
    denominationType: row.denomination_type,
    denominationsPaise: parsed<number[]>(row.denominations),
    restrictions: {
      minOrderPaise: row.min_order_paise,
      maxOrderPaise: row.max_order_paise,
      minVoucherPaise: row.min_voucher_paise,
      maxVoucherPaise: row.max_voucher_paise,
      maxVouchersPerOrder: row.max_vouchers_per_order,
      maxVouchersPerDenomination: row.max_vouchers_per_denomination,
      maxDenominationsPerOrder: row.max_denominations_per_order,
    },
    discountPercent: row.discount_percent,
    discountValidFrom: row.discount_valid_from,
    discountValidTo: row.discount_valid_to,
    retailModes: parsed<string[]>(row.retail_modes),
    usageInstructions: parsed(row.usage_instructions),
    logoUrl: row.logo_url,
    rawJson: row.raw_json,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
  };
}

export const syncOf = (row: SyncRow): CatalogSync => ({
  id: row.id,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  outcome: row.outcome,
  pages: row.pages,
  brands: row.brands,
  added: row.added,
  removed: row.removed,
  changed: row.changed,
  changes: row.changes,
  rejected: row.rejected,
  error: row.error,
});

/** The values of one brand row, in the column order of UPSERT_BRAND. */
export function brandRowValues(record: BrandRecord, at: number): unknown[] {
  const face = faceRange(record);
  const r = record.restrictions;
  return [
    record.id,
    record.name,
    foldName(record.name),
    record.status,
    JSON.stringify(record.categories),
    record.denominationType,
    json(record.denominationsPaise),
    face.min,
    face.max,
    r.minOrderPaise,
    r.maxOrderPaise,
    r.minVoucherPaise,
    r.maxVoucherPaise,
    r.maxVouchersPerOrder,
    r.maxVouchersPerDenomination,
    r.maxDenominationsPerOrder,
    record.discountPercent,
    record.discountValidFrom,
    record.discountValidTo,
    json(record.retailModes),
    json(record.usageInstructions),
    record.logoUrl,
    record.rawJson,
    at,
    at,
  ];
}

export const UPSERT_BRAND = `
  INSERT INTO brands (id, name, name_folded, status, categories, denomination_type, denominations, face_min_paise,
    face_max_paise, min_order_paise, max_order_paise, min_voucher_paise, max_voucher_paise, max_vouchers_per_order,
    max_vouchers_per_denomination, max_denominations_per_order, discount_percent, discount_valid_from,
    discount_valid_to, retail_modes, usage_instructions, logo_url, raw_json, first_seen_at, updated_at)
  VALUES (${Array.from({ length: 25 }, () => '?').join(', ')})
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, status = excluded.status,
    categories = excluded.categories, denomination_type = excluded.denomination_type,
    denominations = excluded.denominations, face_min_paise = excluded.face_min_paise,
    face_max_paise = excluded.face_max_paise, min_order_paise = excluded.min_order_paise,
    max_order_paise = excluded.max_order_paise, min_voucher_paise = excluded.min_voucher_paise,
    max_voucher_paise = excluded.max_voucher_paise, max_vouchers_per_order = excluded.max_vouchers_per_order,
    max_vouchers_per_denomination = excluded.max_vouchers_per_denomination,
    max_denominations_per_order = excluded.max_denominations_per_order,
    discount_percent = excluded.discount_percent, discount_valid_from = excluded.discount_valid_from,
    discount_valid_to = excluded.discount_valid_to, retail_modes = excluded.retail_modes,
    usage_instructions = excluded.usage_instructions, logo_url = excluded.logo_url, raw_json = excluded.raw_json,
    updated_at = excluded.updated_at`;

/** Reads and writes of the catalog tables of one profile database; every write is the caller's transaction. */
export class CatalogStore {
  readonly db: Database.Database;
  readonly #upsert: Database.Statement;
  readonly #delete: Database.Statement;
  readonly #change: Database.Statement;
  readonly #get: Database.Statement;

  constructor(db: Database.Database) {
    this.db = db;
    this.#upsert = db.prepare(UPSERT_BRAND);
    this.#delete = db.prepare('DELETE FROM brands WHERE id = ?');
    this.#get = db.prepare('SELECT * FROM brands WHERE id = ?');
    this.#change = db.prepare(`
      INSERT INTO brand_changes (sync_id, source, brand_id, brand_name, kind, field, old_value, new_value, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  /** Every brand, by id (the previous catalog a sync compares against). */
  all(): Map<string, StoredBrand> {
    const rows = this.db.prepare('SELECT * FROM brands').all() as BrandRow[];
    return new Map(rows.map((row) => [row.id, storedBrandOf(row)]));
  }

  get(brandId: string): StoredBrand | null {
    const row = this.#get.get(brandId) as BrandRow | undefined;
    return row ? storedBrandOf(row) : null;
  }

  upsert(record: BrandRecord, at: number): void {
    this.#upsert.run(brandRowValues(record, at));
  }

  delete(brandId: string): void {
    this.#delete.run(brandId);
  }

  recordChange(syncId: number | null, source: 'sync' | 'webhook', delta: BrandDelta, at: number): void {
    this.#change.run(
      syncId,
      source,
      delta.brandId,
      delta.brandName,
      delta.kind,
      delta.field,
      json(delta.oldValue),
      json(delta.newValue),
      at,
    );
  }

  startSync(at: number): number {
    return Number(
      this.db.prepare("INSERT INTO catalog_syncs (started_at, outcome) VALUES (?, 'running')").run(at).lastInsertRowid,
    );
  }

  finishSync(
    id: number,
    outcome: Exclude<SyncOutcome, 'running'>,
    at: number,
    counts: Partial<SyncCounts>,
    error: string | null,
  ): void {
    this.db
      .prepare(
        `UPDATE catalog_syncs SET outcome = ?, finished_at = ?, pages = ?, brands = ?, added = ?, removed = ?,
           changed = ?, changes = ?, rejected = ?, error = ? WHERE id = ?`,
      )
      .run(
        outcome,
        at,
        counts.pages ?? 0,
        counts.brands ?? 0,
        counts.added ?? 0,
        counts.removed ?? 0,
        counts.changed ?? 0,
        counts.changes ?? 0,
        counts.rejected ?? 0,
        error,
        id,
      );
  }

  /** Syncs a quit or a crash cut short stay 'running' in the file: they are failures, said so once at open. */
  failInterruptedSyncs(at: number): number {
    return this.db
      .prepare(
        "UPDATE catalog_syncs SET outcome = 'failed', finished_at = ?, error = 'The console closed during this sync' WHERE outcome = 'running'",
      )
      .run(at).changes;
  }

  sync(id: number): CatalogSync | null {
    const row = this.db.prepare('SELECT * FROM catalog_syncs WHERE id = ?').get(id) as SyncRow | undefined;
    return row ? syncOf(row) : null;
  }

  /** The newest sync that ended (done, failed or cancelled). */
  lastFinishedSync(): CatalogSync | null {
    const row = this.db
      .prepare("SELECT * FROM catalog_syncs WHERE outcome != 'running' ORDER BY id DESC LIMIT 1")
      .get() as SyncRow | undefined;
    return row ? syncOf(row) : null;
  }

  lastSuccessfulSync(): CatalogSync | null {
    const row = this.db.prepare("SELECT * FROM catalog_syncs WHERE outcome = 'done' ORDER BY id DESC LIMIT 1").get() as
      SyncRow | undefined;
    return row ? syncOf(row) : null;
  }

  syncs(limit: number): CatalogSync[] {
    return (this.db.prepare('SELECT * FROM catalog_syncs ORDER BY id DESC LIMIT ?').all(limit) as SyncRow[]).map(
      syncOf,
    );
  }

  setting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM catalog_settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setSetting(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM catalog_settings WHERE key = ?').run(key);
    else
      this.db
        .prepare(
          'INSERT INTO catalog_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(key, value);
  }
}

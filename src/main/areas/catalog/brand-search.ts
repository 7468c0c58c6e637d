import type Database from 'better-sqlite3';
import type { BrandRow, CatalogSearchQuery, CatalogSearchResult } from '../../../shared/contract/catalog.ts';
import { foldName, initialsOf } from './brand-record.ts';
import type { BrandRow as StoredBrandRow } from './catalog-store.ts';

/** Shorter text has no trigram: it is matched by scanning the folded names (cheap at 10,000 short names). */
const TRIGRAM = 3;
/** Above every character a folded name can hold, so [prefix, prefix + this) is exactly "starts with prefix". */
const AFTER_ANY_CHAR = '\u{10FFFF}';

type SearchRow = Pick<
  StoredBrandRow,
  | 'id'
  | 'name'
  | 'status'
  | 'categories'
  | 'denomination_type'
  | 'denominations'
  | 'face_min_paise'
  | 'face_max_paise'
  | 'discount_percent'
>;

const SORT_COLUMNS: Record<CatalogSearchQuery['sort']['by'], string> = {
  name: 'b.name_folded',
  discount: 'b.discount_percent',
  amount: 'b.face_min_paise',
  status: 'b.status',
};

const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
/** An FTS5 phrase: the text in double quotes, its own quotes doubled, so no query syntax leaks in. */
const ftsPhrase = (text: string) => `"${text.replaceAll('"', '""')}"`;

export const brandRowOf = (row: SearchRow): BrandRow => ({
  id: row.id,
  name: row.name,
  status: row.status,
  categories: JSON.parse(row.categories) as string[],
  denominationType: row.denomination_type,
  denominationsPaise: row.denominations === null ? null : (JSON.parse(row.denominations) as number[]),
  faceMinPaise: row.face_min_paise,
  faceMaxPaise: row.face_max_paise,
  discountPercent: row.discount_percent,
  initials: initialsOf(row.name),
});

/** The WHERE clause and its parameters of a search; every filter is an index lookup or a cheap row test. */
export function searchFilter(query: CatalogSearchQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const text = foldName(query.text.trim());
  if (text !== '' && query.match === 'prefix') {
    clauses.push('b.name_folded >= ? AND b.name_folded < ?');
    params.push(text, text + AFTER_ANY_CHAR);
  } else if (text !== '' && [...text].length >= TRIGRAM && !text.includes('\u0000')) {
    // FTS5's query parser ends a phrase at U+0000 (a syntax error), so such text is matched by the scan below.
    // The trigram index finds the candidates; instr keeps exactly the names that contain the text (the tokenizer
    // passes over characters such as U+0000, so its phrase alone can match across them).
    clauses.push('b.rowid IN (SELECT rowid FROM brands_fts WHERE brands_fts MATCH ?) AND instr(b.name_folded, ?) > 0');
    params.push(ftsPhrase(text), text);
  } else if (text !== '') {
    clauses.push('instr(b.name_folded, ?) > 0');
    params.push(text);
  }
  if (query.categories.length > 0) {
    clauses.push(
      `EXISTS (SELECT 1 FROM json_each(b.categories) c WHERE c.value IN (${placeholders(query.categories.length)}))`,
    );
    params.push(...query.categories);
  }
  if (query.denominationTypes.length > 0) {
    clauses.push(`b.denomination_type IN (${placeholders(query.denominationTypes.length)})`);
    params.push(...query.denominationTypes.map((type) => type.toUpperCase()));
  }
  if (query.statuses === undefined) clauses.push("b.status != 'INACTIVE'");
  else {
    clauses.push(`b.status IN (${placeholders(query.statuses.length)})`);
    params.push(...query.statuses.map((status) => status.toUpperCase()));
  }
  if (query.discountMin !== undefined) {
    clauses.push('b.discount_percent >= ?');
    params.push(query.discountMin);
  }
  if (query.discountMax !== undefined) {
    clauses.push('b.discount_percent <= ?');
    params.push(query.discountMax);
  }
  if (query.amountFromPaise !== undefined || query.amountToPaise !== undefined) {
    const from = query.amountFromPaise ?? 0;
    const to = query.amountToPaise ?? Number.MAX_SAFE_INTEGER;
    // FIXED: one of its face values lies in the range; otherwise its per-voucher range overlaps it.
    clauses.push(`(CASE WHEN b.denomination_type = 'FIXED' OR (b.denomination_type IS NULL AND b.denominations IS NOT NULL)
        THEN EXISTS (SELECT 1 FROM json_each(b.denominations) d WHERE d.value BETWEEN ? AND ?)
        ELSE b.face_min_paise IS NOT NULL AND b.face_max_paise IS NOT NULL AND b.face_min_paise <= ? AND b.face_max_paise >= ? END)`);
    params.push(from, to, to, from);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of brands in the asked order (missing values last either way, then by name and id), and the total. */
export function searchBrands(db: Database.Database, query: CatalogSearchQuery): CatalogSearchResult {
  const { where, params } = searchFilter(query);
  const column = SORT_COLUMNS[query.sort.by];
  const direction = query.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order =
    query.sort.by === 'name'
      ? `b.name_folded ${direction}, b.id ${direction}`
      : `(${column} IS NULL), ${column} ${direction}, b.name_folded, b.id`;
  const rows = db
    .prepare(
      `SELECT b.id, b.name, b.status, b.categories, b.denomination_type, b.denominations, b.face_min_paise,
         b.face_max_paise, b.discount_percent
       FROM brands b ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...params, query.limit, query.offset) as SearchRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM brands b ${where}`).get(...params) as { n: number }).n;
  return { rows: rows.map(brandRowOf), total };
}

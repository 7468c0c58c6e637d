import type { BrandRow, CatalogSearch } from '../../../../shared/contract/catalog.ts';

/*
 * The brand browser filters a list it holds instead of asking main per keystroke: at 10,000 brands main's
 * catalog.search answers in 2–16 ms (p95 up to ~60 ms on a loaded machine) before the IPC hop, more than a frame,
 * while a scan of 10,000 pre-folded names here takes well under a millisecond. The rules are catalog.search's
 * (docs/catalog.md, "Search"), so the renderer and main answer the same question the same way.
 */

/** Which statuses the table shows: INACTIVE brands fail orders (E102) and are shown only on request. */
export type StatusChoice = 'hide-inactive' | 'all' | 'inactive-only';

export interface BrandFilters {
  /** the name, as typed */
  text: string;
  /** any of these categories (empty: no filter) */
  categories: readonly string[];
  denominationTypes: readonly string[];
  status: StatusChoice;
  discountMin?: number;
  discountMax?: number;
  /** brands that issue a voucher whose value lies in this range (either end optional) */
  amountFromPaise?: number;
  amountToPaise?: number;
}

export interface BrandSort {
  by: 'name' | 'discount' | 'amount' | 'status';
  direction: 'asc' | 'desc';
}

export const NO_FILTERS: BrandFilters = { text: '', categories: [], denominationTypes: [], status: 'hide-inactive' };
export const DEFAULT_SORT: BrandSort = { by: 'name', direction: 'asc' };

/** Anything narrows the list beyond the default (INACTIVE hidden)? */
export const isFiltered = (filters: BrandFilters): boolean =>
  filters.text.trim() !== '' ||
  filters.categories.length > 0 ||
  filters.denominationTypes.length > 0 ||
  filters.status !== 'hide-inactive' ||
  [filters.discountMin, filters.discountMax, filters.amountFromPaise, filters.amountToPaise].some(
    (bound) => bound !== undefined,
  );

/** A brand with its name folded once, when the list is loaded or sorted, never per keystroke. */
export interface IndexedBrand {
  row: BrandRow;
  folded: string;
}

/** Case and width as the operator types them: main folds stored names the same way. */
export const foldName = (name: string): string => name.normalize('NFKC').toLowerCase();

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sortValue = (row: BrandRow, by: BrandSort['by']): number | string | null =>
  by === 'discount' ? row.discountPercent : by === 'amount' ? row.faceMinPaise : by === 'status' ? row.status : null;

/** The list in the asked order: by name (then id) either way; else by the value, missing values last, then name, id. */
export function sortBrands(rows: readonly BrandRow[], sort: BrandSort): IndexedBrand[] {
  const indexed = rows.map((row) => ({ row, folded: foldName(row.name) }));
  const sign = sort.direction === 'desc' ? -1 : 1;
  const byNameThenId = (a: IndexedBrand, b: IndexedBrand) =>
    compareText(a.folded, b.folded) || compareText(a.row.id, b.row.id);
  if (sort.by === 'name') return indexed.sort((a, b) => sign * byNameThenId(a, b));
  return indexed.sort((a, b) => {
    const left = sortValue(a.row, sort.by);
    const right = sortValue(b.row, sort.by);
    if (left === null || right === null) return left === right ? byNameThenId(a, b) : left === null ? 1 : -1;
    const order = typeof left === 'number' ? left - (right as number) : compareText(left, right as string);
    return sign * order || byNameThenId(a, b);
  });
}

/** FIXED: one of its face values lies in the range; otherwise its per-voucher range overlaps it. */
function issuesAmountIn(row: BrandRow, from: number, to: number): boolean {
  const fixed = row.denominationType === 'FIXED' || (row.denominationType === null && row.denominationsPaise !== null);
  if (fixed) return (row.denominationsPaise ?? []).some((value) => value >= from && value <= to);
  return row.faceMinPaise !== null && row.faceMaxPaise !== null && row.faceMinPaise <= to && row.faceMaxPaise >= from;
}

/** One test per brand built once per filter change; `text` is the only part that changes per keystroke. */
export function brandPredicate(filters: BrandFilters): (brand: IndexedBrand) => boolean {
  const text = foldName(filters.text.trim());
  const categories = new Set(filters.categories);
  const types = new Set(filters.denominationTypes.map((type) => type.toUpperCase()));
  const { discountMin, discountMax, amountFromPaise, amountToPaise, status } = filters;
  const amountFiltered = amountFromPaise !== undefined || amountToPaise !== undefined;
  const from = amountFromPaise ?? 0;
  const to = amountToPaise ?? Number.MAX_SAFE_INTEGER;
  return ({ row, folded }) => {
    if (text !== '' && !folded.includes(text)) return false;
    if (
      status === 'hide-inactive' ? row.status === 'INACTIVE' : status === 'inactive-only' && row.status !== 'INACTIVE'
    )
      return false;
    if (categories.size > 0 && !row.categories.some((category) => categories.has(category))) return false;
    if (types.size > 0 && (row.denominationType === null || !types.has(row.denominationType))) return false;
    if (discountMin !== undefined && (row.discountPercent === null || row.discountPercent < discountMin)) return false;
    if (discountMax !== undefined && (row.discountPercent === null || row.discountPercent > discountMax)) return false;
    return !amountFiltered || issuesAmountIn(row, from, to);
  };
}

/** The brands to show, in the list's order. */
export function filterIndexed(sorted: readonly IndexedBrand[], filters: BrandFilters): IndexedBrand[] {
  const keep = brandPredicate(filters);
  const kept: IndexedBrand[] = [];
  for (const brand of sorted) if (keep(brand)) kept.push(brand);
  return kept;
}

export const filterBrands = (sorted: readonly IndexedBrand[], filters: BrandFilters): BrandRow[] =>
  filterIndexed(sorted, filters).map((brand) => brand.row);

/**
 * `next` keeps a subset of what `previous` kept (only the text changed, and it still contains the old text), so
 * filtering the previous matches answers the same as filtering everything: typing one more letter scans the
 * matches so far, not the whole catalog.
 */
export function narrows(previous: BrandFilters, next: BrandFilters): boolean {
  return sameBesidesText(previous, next) && foldName(next.text.trim()).includes(foldName(previous.text.trim()));
}

/** The same filters but for the name (the lists of categories and types compared as the same arrays). */
export function sameBesidesText(previous: BrandFilters, next: BrandFilters): boolean {
  return (
    previous.categories === next.categories &&
    previous.denominationTypes === next.denominationTypes &&
    previous.status === next.status &&
    previous.discountMin === next.discountMin &&
    previous.discountMax === next.discountMax &&
    previous.amountFromPaise === next.amountFromPaise &&
    previous.amountToPaise === next.amountToPaise
  );
}

/** The same question as catalog.search asks it (for the statuses: `known`, every status the catalog holds). */
export function toCatalogSearch(filters: BrandFilters, sort: BrandSort, known: readonly string[]): CatalogSearch {
  return {
    text: filters.text,
    categories: [...filters.categories],
    denominationTypes: [...filters.denominationTypes],
    ...(filters.status === 'hide-inactive'
      ? {}
      : { statuses: filters.status === 'inactive-only' ? ['INACTIVE'] : [...known] }),
    ...(filters.discountMin === undefined ? {} : { discountMin: filters.discountMin }),
    ...(filters.discountMax === undefined ? {} : { discountMax: filters.discountMax }),
    ...(filters.amountFromPaise === undefined ? {} : { amountFromPaise: filters.amountFromPaise }),
    ...(filters.amountToPaise === undefined ? {} : { amountToPaise: filters.amountToPaise }),
    sort,
  };
}

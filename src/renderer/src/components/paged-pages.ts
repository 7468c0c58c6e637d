import type { Result } from '../../../shared/contract/result.ts';

/** What a paged list holds: the pages that arrived, the pages on their way, and the row count of the search. */
export interface HeldPages<TItem> {
  total: number | null;
  pages: ReadonlyMap<number, readonly TItem[]>;
  loading: ReadonlySet<number>;
}

const pageOf = (index: number, pageSize: number) => Math.floor(index / pageSize);

/** The pages rows first..last fall in that are neither held nor on their way (none before the first page is read). */
function pagesToFetch<TItem>(
  first: number,
  last: number,
  { total, pages, loading }: HeldPages<TItem>,
  pageSize: number,
): number[] {
  if (total === null) return [];
  const lastIndex = Math.min(last, total - 1);
  const wanted: number[] = [];
  for (let page = pageOf(Math.max(0, first), pageSize); page <= pageOf(lastIndex, pageSize); page += 1)
    if (!pages.has(page) && !loading.has(page)) wanted.push(page);
  return wanted;
}

/** The row at an index of the whole list, or undefined while its page has not arrived. */
function rowOfPages<TItem>(
  pages: ReadonlyMap<number, readonly TItem[]>,
  index: number,
  pageSize: number,
): TItem | undefined {
  return pages.get(pageOf(index, pageSize))?.[index % pageSize];
}

/** What a new search's first page sets: its rows as page 0 and the total, or the error and an empty list. */
export function firstPageArrived<TItem>(result: Result<{ total: number | null; rows: TItem[] }>) {
  const loading = new Set<number>();
  return result.ok
    ? { loading, total: result.value.total, pages: new Map([[0, result.value.rows]]) }
    : { loading, error: result.error.message, total: 0 };
}

/** A paged store's ensureRows and rowAt, read from its held pages; `fetchPage` reads one page of a search. */
export function pagedReads<TItem>(
  get: () => HeldPages<TItem> & { generation: number },
  fetchPage: (page: number, generation: number) => Promise<void>,
  pageSize: number,
) {
  return {
    async ensureRows(first: number, last: number): Promise<void> {
      const { generation } = get();
      await Promise.all(pagesToFetch(first, last, get(), pageSize).map((page) => fetchPage(page, generation)));
    },
    rowAt(index: number): TItem | undefined {
      return rowOfPages(get().pages, index, pageSize);
    },
  };
}

/** Keeps the pages nearest to the ones in view; far ones are dropped and re-fetched if scrolled back to. */
function trimmed<TItem>(pages: Map<number, TItem[]>, around: number, maxPages: number): Map<number, TItem[]> {
  if (pages.size <= maxPages) return pages;
  const keep = [...pages.keys()].sort((a, b) => Math.abs(a - around) - Math.abs(b - around)).slice(0, maxPages);
  return new Map(keep.map((page) => [page, pages.get(page)!]));
}

/** What a page's answer sets: it is no longer on its way, and its rows join the kept pages (or the error shows). */
export function pageArrived<TItem>(
  state: { pages: ReadonlyMap<number, TItem[]>; loading: ReadonlySet<number> },
  page: number,
  result: Result<{ rows: TItem[] }>,
  maxPages: number,
) {
  const loading = new Set(state.loading);
  loading.delete(page);
  if (!result.ok) return { loading, error: result.error.message };
  return { loading, pages: trimmed(new Map(state.pages).set(page, result.value.rows), page, maxPages) };
}

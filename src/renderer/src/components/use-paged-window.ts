import { useEffect, useMemo } from 'react';
import type { VirtualRows } from './use-virtual-rows.ts';

/** A store that pages a long list in from main: it fetches the pages a window needs and answers from them. */
export interface PagedList<TItem> {
  generation: number;
  total: number | null;
  pages: ReadonlyMap<number, readonly TItem[]>;
  ensureRows(first: number, last: number): Promise<void>;
  rowAt(index: number): TItem | undefined;
}

/**
 * The rows of a paged list that the virtual table shows: their pages are fetched as the window moves, a row
 * whose page has not arrived is null (a placeholder), and a new search (generation) starts at the top.
 * `toRow` must be stable (defined at module level).
 */
export function usePagedWindow<TItem, TRow>(
  { first, last, scrollRef }: VirtualRows,
  store: { getState(): PagedList<TItem> },
  { generation, total, pages }: Pick<PagedList<TItem>, 'generation' | 'total' | 'pages'>,
  toRow: (index: number, item: TItem | null) => TRow,
): TRow[] {
  useEffect(() => {
    if (last >= 0) void store.getState().ensureRows(first, last);
  }, [store, first, last, generation, total]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation, scrollRef]);

  return useMemo(() => {
    const rowAt = store.getState().rowAt;
    const rows: TRow[] = [];
    for (let index = first; index <= last; index += 1) rows.push(toRow(index, rowAt(index) ?? null));
    return rows;
    // pages is what rowAt reads from: a new page must rebuild the window.
  }, [store, first, last, pages, toRow]); // eslint-disable-line react-hooks/exhaustive-deps
}

import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { MAX_SCROLL_ROWS, useCalls } from './calls-store.ts';
import {
  callColumns,
  callTableFeatures,
  compactCallColumns,
  matchedIdentifier,
  SORTABLE,
  type CallRowData,
} from './call-columns.tsx';

export const ROW_HEIGHT = 28;

/**
 * The call log as a virtualized table: SQLite pages and sorts, the renderer only holds the rows near the
 * viewport (fetched in pages as the user scrolls), so a million-row log scrolls like a hundred-row one.
 */
export function CallsTable() {
  const total = useCalls((state) => state.total);
  const pages = useCalls((state) => state.pages);
  const sort = useCalls((state) => state.sort);
  const selectedId = useCalls((state) => state.selectedId);
  const generation = useCalls((state) => state.generation);
  const identifier = useCalls((state) => matchedIdentifier(state.filters));
  const compact = selectedId !== null;
  const columns = useMemo(() => (compact ? compactCallColumns(identifier) : callColumns), [compact, identifier]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = Math.min(total ?? 0, MAX_SCROLL_ROWS);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only inside this component, never memoized
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) void useCalls.getState().ensureRows(first, last);
  }, [first, last, generation, total]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  const data = useMemo<CallRowData[]>(() => {
    const rowAt = useCalls.getState().rowAt;
    const rows: CallRowData[] = [];
    for (let index = first; index <= last; index += 1) rows.push({ index, call: rowAt(index) ?? null });
    return rows;
    // pages is what rowAt reads from: a new page must rebuild the window.
  }, [first, last, pages]); // eslint-disable-line react-hooks/exhaustive-deps

  const table = useTable({
    features: callTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.index),
  });
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = headers.reduce((sum, header) => sum + header.getSize(), 0);

  const select = (id: number | undefined) => {
    if (id !== undefined) void useCalls.getState().select(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset['index'] ?? -1);
    const next = Math.max(0, Math.min(count - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const toggleSort = (columnId: string) => {
    const by = SORTABLE[columnId];
    if (!by) return;
    const direction = sort.by === by && sort.direction === 'desc' ? 'asc' : 'desc';
    void useCalls.getState().setSort({ by, direction });
  };

  return (
    <div
      className={`calls-table${compact ? ' calls-table--compact' : ''}`}
      role="table"
      aria-label="Calls"
      aria-rowcount={count + 1}
      style={compact ? { flexBasis: width + 2 } : undefined}
    >
      <div className="calls-table__scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="calls-table__head" role="rowgroup" style={{ width }}>
          <div className="calls-table__row calls-table__row--head" role="row" aria-rowindex={1}>
            {headers.map((header) => {
              const by = SORTABLE[header.column.id];
              const active = by && sort.by === by;
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className="calls-table__cell"
                  style={{ width: header.getSize() }}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {by ? (
                    <button type="button" className="calls-table__sort" onClick={() => toggleSort(header.column.id)}>
                      <table.FlexRender header={header} />
                      {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
          {items.map((item, position) => {
            const row = rows[position];
            if (!row) return null;
            const call = row.original.call;
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={call !== null && call.id === selectedId}
                aria-busy={call === null}
                data-index={item.index}
                data-outcome={call?.outcome}
                tabIndex={
                  (call !== null && call.id === selectedId) || (selectedId === null && item.index === first) ? 0 : -1
                }
                className="calls-table__row"
                style={{ position: 'absolute', top: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => select(call?.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    select(call?.id);
                  }
                }}
              >
                {row.getAllCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="cell"
                    className={`calls-table__cell calls-table__cell--${cell.column.id}`}
                    style={{ width: cell.column.getSize() }}
                  >
                    {call ? <table.FlexRender cell={cell} /> : cell.column.id === 'at' ? 'Loading…' : ''}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

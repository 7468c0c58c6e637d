import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { brandColumns, brandTableFeatures, SORTABLE } from './brand-columns.tsx';
import { useCatalog } from './catalog-store.ts';

export const ROW_HEIGHT = 32;

/**
 * The catalog as a virtualized table: the store holds every brand and filters them per keystroke; the table
 * renders only the rows near the viewport, so 10,000 brands cost what 30 do.
 */
export function BrandsTable() {
  const visible = useCatalog((state) => state.visible);
  const sort = useCatalog((state) => state.sort);
  const selectedId = useCatalog((state) => state.selectedId);
  const compact = selectedId !== null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = visible.length;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only inside this component, never memoized
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  // A new result starts at its top: the operator is looking for the first match. The virtualizer's own offset
  // is read (not the element's scrollTop), so a keystroke at the top forces no layout.
  useEffect(() => {
    if ((virtualizer.scrollOffset ?? 0) > 0) virtualizer.scrollToOffset(0);
  }, [visible, virtualizer]);

  const data = useMemo(() => visible.slice(first, last + 1), [visible, first, last]);
  const table = useTable({
    features: brandTableFeatures,
    columns: brandColumns,
    data,
    getRowId: (row) => row.id,
  });
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const shownHeaders = compact ? headers.filter((header) => COMPACT.has(header.column.id)) : headers;
  const width = shownHeaders.reduce((sum, header) => sum + header.getSize(), 0);

  const open = (id: string) => void useCatalog.getState().select(id);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset['index'] ?? -1);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? count - 1
          : Math.max(0, Math.min(count - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const toggleSort = (columnId: string) => {
    const by = SORTABLE[columnId];
    if (!by) return;
    const direction = sort.by === by && sort.direction === 'asc' ? 'desc' : 'asc';
    useCatalog.getState().setSort({ by, direction });
  };

  const selectedIndex = selectedId === null ? -1 : visible.findIndex((row) => row.id === selectedId);
  const tabStop = selectedIndex >= first && selectedIndex <= last ? selectedIndex : first;

  return (
    <div
      className={`brands-table${compact ? ' brands-table--compact' : ''}`}
      role="table"
      aria-label="Brands"
      aria-rowcount={count + 1}
    >
      <div className="brands-table__scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="brands-table__head" role="rowgroup" style={{ width }}>
          <div className="brands-table__row brands-table__row--head" role="row" aria-rowindex={1}>
            {shownHeaders.map((header) => {
              const by = SORTABLE[header.column.id];
              const active = by !== undefined && sort.by === by;
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className="brands-table__cell"
                  style={{ width: header.getSize() }}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {by ? (
                    <button type="button" className="brands-table__sort" onClick={() => toggleSort(header.column.id)}>
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
            const brand = row.original;
            return (
              // Keyed by position: as the operator types, the same row elements show the next matches (text
              // changes only), instead of ~30 rows torn down and rebuilt per keystroke.
              <div
                key={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={brand.id === selectedId}
                data-index={item.index}
                data-status={brand.status}
                tabIndex={item.index === tabStop ? 0 : -1}
                className="brands-table__row"
                style={{ position: 'absolute', top: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => open(brand.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    open(brand.id);
                  }
                }}
              >
                {row
                  .getAllCells()
                  .filter((cell) => !compact || COMPACT.has(cell.column.id))
                  .map((cell) => (
                    <div
                      key={cell.column.id}
                      role="cell"
                      className={`brands-table__cell brands-table__cell--${cell.column.id}`}
                      style={{ width: cell.column.getSize() }}
                    >
                      <table.FlexRender cell={cell} />
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

/** Beside the detail panel: enough to tell brands apart and pick the next one. */
const COMPACT = new Set(['name', 'status', 'faceValues', 'discount']);

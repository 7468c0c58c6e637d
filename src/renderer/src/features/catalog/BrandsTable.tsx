import { useTable } from '@tanstack/react-table';
import { useEffect, useMemo } from 'react';
import { columnSort } from '../../components/column-sort.ts';
import { useVirtualRows } from '../../components/use-virtual-rows.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { brandColumns, brandTableFeatures, SORTABLE } from './brand-columns.tsx';
import { useCatalog } from './catalog-store.ts';

export const ROW_HEIGHT = 32;
/** Rows rendered beyond each edge of the viewport: enough for the arrow keys and a wheel step, few to paint. */
const OVERSCAN = 4;

/**
 * The catalog as a virtualized table: the store holds every brand and filters them per keystroke; the table
 * renders only the rows near the viewport, so 10,000 brands cost what 30 do.
 */
export function BrandsTable() {
  const visible = useCatalog((state) => state.visible);
  const sort = useCatalog((state) => state.sort);
  const selectedId = useCatalog((state) => state.selectedId);
  const compact = selectedId !== null;
  const virtual = useVirtualRows({
    count: visible.length,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    homeAndEnd: true,
  });
  const { first, last, scrollOffset, scrollToOffset } = virtual;

  // A new result starts at its top: the operator is looking for the first match. The offset last read from a
  // scroll event is used (not the element's scrollTop), so a keystroke at the top forces no layout.
  useEffect(() => {
    if (scrollOffset() > 0) scrollToOffset(0);
  }, [visible]); // eslint-disable-line react-hooks/exhaustive-deps -- a new list, not a new render, scrolls

  const data = useMemo(() => visible.slice(first, last + 1), [visible, first, last]);
  const table = useTable({
    features: brandTableFeatures,
    columns: brandColumns,
    data,
    getRowId: (row) => row.id,
  });

  const open = (id: string) => void useCatalog.getState().select(id);

  const selectedIndex = selectedId === null ? -1 : visible.findIndex((row) => row.id === selectedId);
  const tabStop = selectedIndex >= first && selectedIndex <= last ? selectedIndex : first;

  return (
    <VirtualTable
      block="brands-table"
      label="Brands"
      rows={virtual}
      table={table}
      compact={compact}
      headerModifiers
      shownColumns={compact ? COMPACT : undefined}
      sort={columnSort(SORTABLE, sort, 'asc', (next) => useCatalog.getState().setSort(next))}
      rowState={(brand, index) => ({
        selected: brand.id === selectedId,
        tabStop: index === tabStop,
        attributes: { 'data-status': brand.status },
        open: () => open(brand.id),
      })}
    />
  );
}

/** Beside the detail panel: enough to tell brands apart and pick the next one. */
const COMPACT: ReadonlySet<string> = new Set(['name', 'status', 'faceValues', 'discount']);

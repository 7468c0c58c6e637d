import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { OrderSummary } from '../../../../shared/contract/orders.ts';
import { compactOrderColumns, orderColumns, orderTableFeatures, type OrderRowData } from './order-columns.tsx';
import { statusTone } from './order-status.ts';
import { keyOf, useOrders } from './orders-store.ts';

export const ROW_HEIGHT = 32;

const isShown = (order: OrderSummary | null, panel: ReturnType<typeof useOrders.getState>['panel']) => {
  if (!order || panel.kind !== 'order') return false;
  return 'referenceId' in panel.key ? order.referenceId === panel.key.referenceId : order.orderId === panel.key.orderId;
};

/**
 * The orders of the active profile as a virtualized table: SQLite filters and pages (newest first), the renderer
 * holds only the rows near the viewport.
 */
export function OrdersTable() {
  const total = useOrders((state) => state.total);
  const pages = useOrders((state) => state.pages);
  const generation = useOrders((state) => state.generation);
  const panel = useOrders((state) => state.panel);
  const compact = panel.kind !== 'none';
  const columns = useMemo(() => (compact ? compactOrderColumns() : orderColumns()), [compact]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

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

  useEffect(() => {
    if (last >= 0) void useOrders.getState().ensureRows(first, last);
  }, [first, last, generation, total]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [generation]);

  const data = useMemo<OrderRowData[]>(() => {
    const rowAt = useOrders.getState().rowAt;
    const rows: OrderRowData[] = [];
    for (let index = first; index <= last; index += 1) rows.push({ index, order: rowAt(index) ?? null });
    return rows;
    // pages is what rowAt reads from: a new page must rebuild the window.
  }, [first, last, pages]); // eslint-disable-line react-hooks/exhaustive-deps

  const table = useTable({
    features: orderTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.index),
  });
  const rows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = headers.reduce((sum, header) => sum + header.getSize(), 0);

  const open = (order: OrderSummary | null) => {
    const key = order && keyOf(order);
    if (key) void useOrders.getState().openOrder(key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset['index'] ?? -1);
    const next = Math.max(0, Math.min(count - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  const selectedIndex = rows.findIndex((row) => isShown(row.original.order, panel));

  return (
    <div
      className={`orders-table${compact ? ' orders-table--compact' : ''}`}
      role="table"
      aria-label="Orders"
      aria-rowcount={count + 1}
      style={compact ? { flexBasis: width + 2 } : undefined}
    >
      <div className="orders-table__scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div className="orders-table__head" role="rowgroup" style={{ width }}>
          <div className="orders-table__row orders-table__row--head" role="row" aria-rowindex={1}>
            {headers.map((header) => (
              <div
                key={header.id}
                role="columnheader"
                className={`orders-table__cell orders-table__cell--${header.column.id}`}
                style={{ width: header.getSize() }}
              >
                <table.FlexRender header={header} />
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
          {items.map((item, position) => {
            const row = rows[position];
            if (!row) return null;
            const order = row.original.order;
            const selected = isShown(order, panel);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                aria-busy={order === null}
                data-index={item.index}
                data-tone={order ? statusTone(order) : undefined}
                tabIndex={selected || (selectedIndex < 0 && item.index === first) ? 0 : -1}
                className="orders-table__row"
                style={{ position: 'absolute', top: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                onClick={() => open(order)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    open(order);
                  }
                }}
              >
                {row.getAllCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="cell"
                    className={`orders-table__cell orders-table__cell--${cell.column.id}`}
                    style={{ width: cell.column.getSize() }}
                  >
                    {order ? <table.FlexRender cell={cell} /> : cell.column.id === 'status' ? 'Loading…' : ''}
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

import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { OrderSummary } from '../../../../shared/contract/orders.ts';
import { usePagedWindow } from '../../components/use-paged-window.ts';
import { useVirtualRows } from '../../components/use-virtual-rows.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { compactOrderColumns, orderColumns, orderTableFeatures, type OrderRowData } from './order-columns.tsx';
import { statusTone } from './order-status.ts';
import { keyOf, useOrders } from './orders-store.ts';

const orderRowOf = (index: number, order: OrderSummary | null): OrderRowData => ({ index, order });

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
  const virtual = useVirtualRows({ count: total ?? 0, rowHeight: ROW_HEIGHT, overscan: 10 });
  const data = usePagedWindow(virtual, useOrders, { generation, total, pages }, orderRowOf);

  const { first } = virtual;

  const table = useTable({
    features: orderTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.index),
  });

  const open = (order: OrderSummary | null) => {
    const key = order && keyOf(order);
    if (key) void useOrders.getState().openOrder(key);
  };

  const selectedIndex = data.findIndex((row) => isShown(row.order, panel));

  return (
    <VirtualTable
      block="orders-table"
      label="Orders"
      rows={virtual}
      table={table}
      compact={compact}
      keepWidthWhenCompact
      headerModifiers
      loadingColumn="status"
      rowState={({ order }, index) => {
        const selected = isShown(order, panel);
        return {
          selected,
          loading: order === null,
          tabStop: selected || (selectedIndex < 0 && index === first),
          attributes: { 'data-tone': order ? statusTone(order) : undefined },
          open: () => open(order),
        };
      }}
    />
  );
}

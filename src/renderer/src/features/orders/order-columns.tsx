import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { OrderSummary } from '../../../../shared/contract/orders.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { formatPaise } from '../../components/money.ts';
import { SOURCE_LABELS, statusLabel } from './order-status.ts';

/** One table row: the order once its page has arrived, a placeholder (null) while it loads. */
export interface OrderRowData {
  index: number;
  order: OrderSummary | null;
}

export const orderTableFeatures = tableFeatures({ columnSizingFeature });
const helper = createColumnHelper<typeof orderTableFeatures, OrderRowData>();

const status = helper.accessor(
  (row) => (row.order ? `${statusLabel(row.order)}${row.order.errorId ? ` · ${row.order.errorId}` : ''}` : ''),
  { id: 'status', header: 'Status', size: 140 },
);
const amount = helper.accessor((row) => row.order?.amountPaise, {
  id: 'amount',
  header: 'Amount',
  size: 100,
  cell: (info) => (info.row.original.order ? formatPaise(info.getValue()) : ''),
});
const brand = (size: number) =>
  helper.accessor((row) => row.order?.brandName ?? row.order?.brandId ?? '', { id: 'brand', header: 'Brand', size });
const referenceId = helper.accessor((row) => row.order?.referenceId ?? '', {
  id: 'referenceId',
  header: 'Reference ID',
  size: 260,
});

/** The identifiers a ticket carries come right after status and amount, so they stay on screen at 1280 px. */
export const orderColumns = () =>
  helper.columns([
    helper.accessor((row) => row.order?.createdAt, {
      id: 'createdAt',
      header: `Created (${timeZoneLabel()})`,
      size: 180,
      cell: (info) => (info.getValue() === undefined ? '' : <DateTime at={info.getValue()!} />),
    }),
    status,
    amount,
    helper.accessor((row) => row.order?.orderId ?? '', { id: 'orderId', header: 'Order ID', size: 230 }),
    referenceId,
    brand(140),
    // Team mode: a teammate's order says whose console it came from.
    helper.accessor(
      (row) =>
        row.order
          ? `${SOURCE_LABELS[row.order.source]}${row.order.origin ? ` · from ${row.order.origin.operator}` : ''}`
          : '',
      { id: 'source', header: 'Source', size: 150 },
    ),
  ]);

/** Beside the detail panel: what tells orders apart at a glance, and the identifier a ticket carries. */
export const compactOrderColumns = () => helper.columns([status, amount, brand(100), referenceId]);

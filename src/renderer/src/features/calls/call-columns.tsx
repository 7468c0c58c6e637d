import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { CallSort, CallSummary } from '../../../../shared/contract/calls.ts';
import { formatLatency, formatTime, outcomeLabel } from './format.ts';

/** One table row: the call once its page has arrived, a placeholder (null) while it loads. */
export interface CallRowData {
  index: number;
  call: CallSummary | null;
}

export const callTableFeatures = tableFeatures({ columnSizingFeature });
const helper = createColumnHelper<typeof callTableFeatures, CallRowData>();

/** Columns that sort in SQLite (never in the renderer: it only ever holds a window of rows). */
export const SORTABLE: Partial<Record<string, CallSort['by']>> = {
  at: 'at',
  path: 'path',
  status: 'status',
  latency: 'latency',
};

export const callColumns = helper.columns([
  helper.accessor((row) => row.call?.at, {
    id: 'at',
    header: 'Time',
    size: 190,
    cell: (info) => (info.getValue() === undefined ? '' : formatTime(info.getValue()!)),
  }),
  helper.accessor((row) => row.call?.method, { id: 'method', header: 'Method', size: 70 }),
  helper.accessor((row) => row.call?.path, { id: 'path', header: 'Path', size: 300 }),
  helper.accessor((row) => row.call?.httpStatus, {
    id: 'status',
    header: 'Status',
    size: 70,
    cell: (info) => (info.row.original.call ? (info.getValue() ?? '—') : ''),
  }),
  helper.accessor((row) => (row.call ? outcomeLabel(row.call) : ''), { id: 'outcome', header: 'Outcome', size: 190 }),
  helper.accessor((row) => row.call?.latencyMs, {
    id: 'latency',
    header: 'Latency',
    size: 90,
    cell: (info) => (info.getValue() === undefined ? '' : formatLatency(info.getValue()!)),
  }),
  helper.accessor((row) => row.call?.requestId, { id: 'requestId', header: 'X-REQUEST-ID', size: 300 }),
  helper.accessor((row) => row.call?.orderId ?? '', { id: 'orderId', header: 'Order ID', size: 240 }),
  helper.accessor((row) => row.call?.referenceId ?? '', { id: 'referenceId', header: 'Reference ID', size: 260 }),
]);

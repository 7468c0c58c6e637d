import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { CallFilters, CallSort, CallSummary } from '../../../../shared/contract/calls.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel, toIso } from '../../components/format-time.ts';
import { formatClock, formatLatency, outcomeLabel } from './format.ts';

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
    // The zone is named once, in the header; each cell shows the operator's locale with ISO on hover and copy.
    header: () => `Time (${timeZoneLabel()})`,
    size: 200,
    cell: (info) => (info.getValue() === undefined ? '' : <DateTime at={info.getValue()!} milliseconds />),
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
  // Team mode: a teammate's call says whose console made it; this console's own calls leave the cell empty.
  helper.accessor((row) => row.call?.origin?.operator ?? '', {
    id: 'origin',
    header: 'From',
    size: 100,
    cell: (info) =>
      info.getValue() ? (
        <span className="origin-badge" title={`Shared by ${info.getValue()}’s console (team mode)`}>
          {info.getValue()}
        </span>
      ) : (
        ''
      ),
  }),
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

/** The identifier a support agent came with: the one the search filters by, else the X-REQUEST-ID. */
export type IdentifierKind = 'requestId' | 'orderId' | 'referenceId';

export function matchedIdentifier(filters: CallFilters): IdentifierKind {
  if (filters.orderId) return 'orderId';
  if (filters.referenceId) return 'referenceId';
  return 'requestId';
}

const IDENTIFIER_HEADERS: Record<IdentifierKind, string> = {
  requestId: 'X-REQUEST-ID',
  orderId: 'Order ID',
  referenceId: 'Reference ID',
};

/**
 * The columns while the detail panel is open: it takes ~40% of the width, and at 1280–1440 px the full set
 * pushed every identifier and the outcome off-screen. Time of day, status, the whole outcome and the one
 * identifier the agent searched by fit beside the panel; the panel itself holds the rest.
 */
export function compactCallColumns(identifier: IdentifierKind) {
  return helper.columns([
    helper.accessor((row) => row.call?.at, {
      id: 'at',
      header: 'Time',
      size: 104,
      cell: (info) =>
        info.getValue() === undefined ? (
          ''
        ) : (
          <time dateTime={toIso(info.getValue()!)} title={toIso(info.getValue()!)}>
            {formatClock(info.getValue()!)}
          </time>
        ),
    }),
    helper.accessor((row) => row.call?.httpStatus, {
      id: 'status',
      header: 'HTTP',
      size: 58,
      cell: (info) => (info.row.original.call ? (info.getValue() ?? '—') : ''),
    }),
    helper.accessor((row) => (row.call ? outcomeLabel(row.call) : ''), {
      id: 'outcome',
      header: 'Outcome',
      size: 262,
      cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
    }),
    helper.accessor((row) => row.call?.[identifier] ?? '', {
      id: 'identifier',
      header: IDENTIFIER_HEADERS[identifier],
      size: 282,
    }),
  ]);
}

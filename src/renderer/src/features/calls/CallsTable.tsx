import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { CallSummary } from '../../../../shared/contract/calls.ts';
import { columnSort } from '../../components/column-sort.ts';
import { usePagedWindow } from '../../components/use-paged-window.ts';
import { useVirtualRows } from '../../components/use-virtual-rows.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import { MAX_SCROLL_ROWS, useCalls } from './calls-store.ts';
import {
  callColumns,
  callTableFeatures,
  compactCallColumns,
  matchedIdentifier,
  SORTABLE,
  type CallRowData,
} from './call-columns.tsx';

const callRowOf = (index: number, call: CallSummary | null): CallRowData => ({ index, call });

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
  const virtual = useVirtualRows({ count: Math.min(total ?? 0, MAX_SCROLL_ROWS), rowHeight: ROW_HEIGHT, overscan: 12 });
  const data = usePagedWindow(virtual, useCalls, { generation, total, pages }, callRowOf);

  const { first } = virtual;

  const table = useTable({
    features: callTableFeatures,
    columns,
    data,
    getRowId: (row) => String(row.index),
  });

  const select = (id: number | undefined) => {
    if (id !== undefined) void useCalls.getState().select(id);
  };

  return (
    <VirtualTable
      block="calls-table"
      label="Calls"
      rows={virtual}
      table={table}
      compact={compact}
      keepWidthWhenCompact
      loadingColumn="at"
      sort={columnSort(SORTABLE, sort, 'desc', (next) => void useCalls.getState().setSort(next))}
      rowState={({ call }, index) => ({
        selected: call !== null && call.id === selectedId,
        loading: call === null,
        tabStop: (call !== null && call.id === selectedId) || (selectedId === null && index === first),
        attributes: { 'data-outcome': call?.outcome },
        open: () => select(call?.id),
      })}
    />
  );
}

import type { ReactTable, RowData } from '@tanstack/react-table';
import { titleCutCell } from './cut-cell-title.ts';
import { useChangedSincePaint } from './use-changed-since-paint.ts';
import type { VirtualRows } from './use-virtual-rows.ts';
import { virtualTableFeatures, VirtualTableRow, type VirtualRowState } from './VirtualTableRow.tsx';
import './virtual-table.css';

export type { VirtualRowState } from './VirtualTableRow.tsx';

export { virtualTableFeatures };
type VirtualTableFeatures = typeof virtualTableFeatures;

/** Sorting done by the store (SQLite or the in-memory catalog), never by the table: it holds only a window. */
export interface VirtualTableSort {
  sortable: (columnId: string) => boolean;
  /** The column's direction when the table is sorted by it, undefined otherwise. */
  directionOf: (columnId: string) => 'asc' | 'desc' | undefined;
  toggle: (columnId: string) => void;
}

export interface VirtualTableProps<TData extends RowData> {
  /** The feature's own class block (e.g. `calls-table`): its column rules and the tests select on it. */
  block: string;
  label: string;
  rows: VirtualRows;
  table: ReactTable<VirtualTableFeatures, TData>;
  compact: boolean;
  /** Beside the detail panel the table's basis is its columns' width, so it never shrinks below them. */
  keepWidthWhenCompact?: boolean;
  /** Column ids shown; every column when absent. */
  shownColumns?: ReadonlySet<string>;
  /** Header cells carry the column modifier class too (e.g. a right-aligned amount header). */
  headerModifiers?: boolean;
  sort?: VirtualTableSort;
  /** The column that says "Loading…" in a row whose page has not arrived. */
  loadingColumn?: string;
  rowState: (data: TData, index: number) => VirtualRowState;
}

/**
 * A virtualized ARIA table (role=table with rowgroups, 1-based aria-rowindex counting the header row): only the
 * rows near the viewport exist in the DOM, in flow after a top padding as tall as the rows scrolled past.
 */
export function VirtualTable<TData extends RowData>({
  block,
  label,
  rows: { scrollRef, onKeyDown, items, first, bottom, count, rowHeight, totalSize },
  table,
  compact,
  keepWidthWhenCompact = false,
  shownColumns,
  headerModifiers = false,
  sort,
  loadingColumn,
  rowState,
}: VirtualTableProps<TData>) {
  const shown = (columnId: string) => !shownColumns || shownColumns.has(columnId);
  const rows = table.getRowModel().rows;
  // A new list in the same window (a filtering keystroke) renders the rows in view at once and brings the overscan
  // rows below them (out of view, there for the next scroll step) back after that frame has painted: the keystroke's
  // frame lays out and paints only what it shows, and no row out of view lingers from an earlier list. A window
  // that moved (a scroll) renders every row at once. (The rows above stay: the rows in view follow them in flow.)
  const overscanPending = useChangedSincePaint(rows, first);
  const headers = (table.getHeaderGroups()[0]?.headers ?? []).filter((header) => shown(header.column.id));
  const width = headers.reduce((sum, header) => sum + header.getSize(), 0);
  const keepWidth = compact && keepWidthWhenCompact;

  return (
    <div
      className={`virtual-table ${block}${compact ? ` ${block}--compact` : ''}${keepWidth ? ' virtual-table--keep-width' : ''}`}
      role="table"
      aria-label={label}
      aria-rowcount={count + 1}
      style={keepWidth ? { flexBasis: width + 2 } : undefined}
    >
      <div className={`virtual-table__scroll ${block}__scroll`} ref={scrollRef} onKeyDown={onKeyDown}>
        <div className={`virtual-table__head ${block}__head`} role="rowgroup" style={{ width }}>
          <div
            className={`virtual-table__row virtual-table__row--head ${block}__row ${block}__row--head`}
            role="row"
            aria-rowindex={1}
          >
            {headers.map((header) => {
              const columnId = header.column.id;
              const sortable = sort?.sortable(columnId) ?? false;
              const direction = sort?.directionOf(columnId);
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  className={`virtual-table__cell ${block}__cell${headerModifiers ? ` ${block}__cell--${columnId}` : ''}`}
                  style={{ width: header.getSize() }}
                  aria-sort={direction ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {sortable ? (
                    <button
                      type="button"
                      className={`virtual-table__sort ${block}__sort`}
                      onClick={() => sort?.toggle(columnId)}
                    >
                      <table.FlexRender header={header} />
                      {direction ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div
          className="virtual-table__body"
          role="rowgroup"
          style={{ height: totalSize, width, paddingTop: items[0]?.start ?? 0 }}
          onMouseOver={titleCutCell}
        >
          {items.map((item, position) => {
            if (overscanPending && item.index > bottom) return null;
            const row = rows[position];
            // A row not in the window's data keeps its place, so the rows after it stay at their offsets.
            if (!row) return <div key={item.index} style={{ height: rowHeight }} />;
            return (
              // Keyed by position: as rows scroll or a filter changes, the same row elements show the next rows
              // (text changes only), instead of every visible row torn down and rebuilt; a row whose brand,
              // place and state are unchanged is not rendered at all.
              <VirtualTableRow
                key={item.index}
                row={row}
                index={item.index}
                height={rowHeight}
                state={rowState(row.original, item.index)}
                block={block}
                columns={table.options.columns}
                shown={shownColumns}
                loadingColumn={loadingColumn}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

import { columnSizingFeature, tableFeatures, type Cell, type Row, type RowData } from '@tanstack/react-table';
import { memo, type CSSProperties, type ReactNode } from 'react';

/** The features every virtual table uses: its columns have sizes (the rows are absolutely placed). */
export const virtualTableFeatures = tableFeatures({ columnSizingFeature });
type VirtualTableFeatures = typeof virtualTableFeatures;

/** What one row shows beyond its cells; `loading` marks a row whose page has not arrived yet. */
export interface VirtualRowState {
  selected: boolean;
  loading?: boolean;
  tabStop: boolean;
  attributes?: Partial<Record<`data-${string}`, string>>;
  /** Must depend only on the row's data: a row whose data and state are unchanged is not rendered again. */
  open: () => void;
}

export interface VirtualTableRowProps<TData extends RowData> {
  row: Row<VirtualTableFeatures, TData>;
  index: number;
  height: number;
  state: VirtualRowState;
  block: string;
  /** The column definitions (their sizes are fixed there): a new set (the compact columns) renders every row. */
  columns: unknown;
  shown: ReadonlySet<string> | undefined;
  loadingColumn: string | undefined;
}

const sameAttributes = (a: VirtualRowState['attributes'], b: VirtualRowState['attributes']) => {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof typeof a)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
};

/** A row shows the same thing when its data, place and state are the same: React then skips it entirely. */
function sameRow<TData extends RowData>(before: VirtualTableRowProps<TData>, after: VirtualTableRowProps<TData>) {
  return (
    before.row.original === after.row.original &&
    before.index === after.index &&
    before.height === after.height &&
    before.block === after.block &&
    before.columns === after.columns &&
    before.shown === after.shown &&
    before.loadingColumn === after.loadingColumn &&
    before.state.selected === after.state.selected &&
    before.state.loading === after.state.loading &&
    before.state.tabStop === after.state.tabStop &&
    sameAttributes(before.state.attributes, after.state.attributes)
  );
}

/**
 * A cell's content, its column's `cell` called as a plain function (it must use no hooks: a component it needs is
 * rendered as an element). No component per cell: a keystroke that shows other brands renders the rows' elements
 * and their texts, not two more components for each of the row's cells.
 */
function cellContent<TData extends RowData>(cell: Cell<VirtualTableFeatures, TData, unknown>): ReactNode {
  const render: unknown = cell.column.columnDef.cell;
  return (
    typeof render === 'function' ? (render as (context: unknown) => unknown)(cell.getContext()) : render
  ) as ReactNode;
}

/** One style object per column width, so an unchanged width is not compared again in every rendered cell. */
const widthStyles = new Map<number, CSSProperties>();
const widthStyle = (width: number): CSSProperties => {
  let style = widthStyles.get(width);
  if (!style) widthStyles.set(width, (style = { width }));
  return style;
};

/** One style object per row height (every row of a table has the same). */
const rowStyles = new Map<number, CSSProperties>();
const rowStyle = (height: number): CSSProperties => {
  let style = rowStyles.get(height);
  if (!style) rowStyles.set(height, (style = { height }));
  return style;
};

/**
 * One body row, in flow after the rows before it (no positioning: no paint layer per row), one element per cell
 * with its text directly inside.
 */
function VirtualTableRowView<TData extends RowData>({
  row,
  index,
  height,
  state,
  block,
  shown,
  loadingColumn,
}: VirtualTableRowProps<TData>) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={state.selected}
      aria-busy={state.loading}
      data-index={index}
      {...state.attributes}
      tabIndex={state.tabStop ? 0 : -1}
      className={`virtual-table__row virtual-table__row--body ${block}__row`}
      style={rowStyle(height)}
      onClick={state.open}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          state.open();
        }
      }}
    >
      {row.getAllCells().map((cell) => {
        const columnId = cell.column.id;
        if (shown && !shown.has(columnId)) return null;
        return (
          <div
            key={columnId}
            role="cell"
            className={`virtual-table__cell ${block}__cell ${block}__cell--${columnId}`}
            style={widthStyle(cell.column.getSize())}
          >
            {!state.loading ? cellContent(cell) : columnId === loadingColumn ? 'Loading…' : ''}
          </div>
        );
      })}
    </div>
  );
}

export const VirtualTableRow = memo(VirtualTableRowView, sameRow) as typeof VirtualTableRowView;

import type { CallSort } from '../../../shared/contract/calls.ts';

/** Where a page starts: the sort key and id of the row just before it (null: the start of the list). */
export interface Anchor {
  key: string | number;
  id: number;
}

/**
 * The expression each sort orders by. NULL statuses (no answer) map to -1, below every real status, which is
 * where SQLite already put them; the expression is never NULL, so one row-value comparison seeks past it.
 */
const SORT_KEYS: Record<CallSort['by'], string> = {
  at: 'at',
  latency: 'latency_ms',
  status: 'coalesce(http_status, -1)',
  path: 'path',
};

export const sortKeyOf = (sort: CallSort) => SORT_KEYS[sort.by];

/** The order of the list, or its reverse (to seek backwards from a later anchor). */
export function orderByOf(sort: CallSort, reversed = false): string {
  const descending = (sort.direction === 'desc') !== reversed;
  const direction = descending ? 'DESC' : 'ASC';
  return `ORDER BY ${sortKeyOf(sort)} ${direction}, id ${direction}`;
}

/**
 * The rows strictly after the anchor in the list's order (`reversed`: at or before it). A row-value
 * comparison: with the time sort, SQLite turns it into a range on the `at` index, so it seeks, never skips.
 */
export function afterAnchorClause(sort: CallSort, reversed = false): string {
  const after = sort.direction === 'desc' ? '<' : '>';
  const atOrBefore = sort.direction === 'desc' ? '>=' : '<=';
  return `(${sortKeyOf(sort)}, id) ${reversed ? atOrBefore : after} (@anchorKey, @anchorId)`;
}

/** Named parameters for an anchor clause. */
export const anchorParams = (anchor: Anchor) => ({ anchorKey: anchor.key, anchorId: anchor.id });

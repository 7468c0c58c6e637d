import type { VirtualTableSort } from './VirtualTable.tsx';

type Direction = 'asc' | 'desc';

/**
 * Header sorting for a virtual table whose store sorts: a column sorts in `firstDirection` when picked, and
 * picking it again reverses it.
 */
export function columnSort<TBy extends string>(
  sortable: Partial<Record<string, TBy>>,
  current: { by: TBy; direction: Direction },
  firstDirection: Direction,
  apply: (sort: { by: TBy; direction: Direction }) => void,
): VirtualTableSort {
  const reversed: Direction = firstDirection === 'asc' ? 'desc' : 'asc';
  return {
    sortable: (columnId) => sortable[columnId] !== undefined,
    directionOf: (columnId) => (sortable[columnId] === current.by ? current.direction : undefined),
    toggle: (columnId) => {
      const by = sortable[columnId];
      if (!by) return;
      apply({ by, direction: current.by === by && current.direction === firstDirection ? reversed : firstDirection });
    },
  };
}

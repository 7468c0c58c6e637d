import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';

export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  overscan: number;
  /** Home and End jump to the first and last row (the catalog, whose rows are all in memory). */
  homeAndEnd?: boolean;
}

/**
 * The window of rows a virtualized table shows: the scroll container's ref, the rows near the viewport and the
 * arrow-key movement between them (a row scrolled out of the DOM is scrolled back in before it takes focus).
 */
export function useVirtualRows({ count, rowHeight, overscan, homeAndEnd = false }: VirtualRowsOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only by the table that calls this hook, never memoized
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys = homeAndEnd ? ['ArrowDown', 'ArrowUp', 'Home', 'End'] : ['ArrowDown', 'ArrowUp'];
    if (!keys.includes(event.key)) return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset['index'] ?? -1);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? count - 1
          : Math.max(0, Math.min(count - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return { scrollRef, virtualizer, items, first, last, count, rowHeight, onKeyDown };
}

export type VirtualRows = ReturnType<typeof useVirtualRows>;

import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';

export interface VirtualRowsOptions {
  count: number;
  rowHeight: number;
  overscan: number;
  /** Home and End jump to the first and last row (the catalog, whose rows are all in memory). */
  homeAndEnd?: boolean;
}

/** One row of the window: its index in the list and its offset in the table's body. */
export interface VirtualRow {
  index: number;
  start: number;
}

/** The scroll box's height before it has been measured (its first render). */
const INITIAL_HEIGHT = 600;

interface Viewport {
  /** the scroll box's scrollTop */
  offset: number;
  /** the height the rows show in: the scroll box's, less its sticky header row (its first child) */
  height: number;
}

/**
 * The rows a viewport shows (before overscan), as the list's row height puts them: every row has the same height,
 * so the window is arithmetic, not a measurement per row. `bottom` may lie past the list's end.
 */
export function rowsInView({ offset, height }: Viewport, count: number, rowHeight: number) {
  const maxOffset = Math.max(count * rowHeight - height, 0);
  const top = Math.max(0, Math.min(offset, maxOffset));
  return { top: Math.floor(top / rowHeight), bottom: Math.ceil((top + height) / rowHeight) - 1 };
}

/**
 * The window of rows a virtualized table shows: the scroll container's ref, the rows near the viewport and the
 * arrow-key movement between them (a row scrolled out of the DOM is scrolled back in before it takes focus).
 *
 * Every table has a fixed row height, so the window is computed from the scroll offset alone: a new count (each
 * filtering keystroke in the catalog) costs nothing per row of the list, and nothing here reads layout while the
 * list changes (the offset and height come from scroll events and a ResizeObserver).
 */
export function useVirtualRows({ count, rowHeight, overscan, homeAndEnd = false }: VirtualRowsOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState<Viewport>({ offset: 0, height: INITIAL_HEIGHT });
  /** the latest offset and height read, rendered or not */
  const latest = useRef<Viewport>(viewport);

  // A new viewport is rendered only when it shows other rows: a scroll within a row changes nothing. (Rows equal
  // unclamped are equal for any count: the clamp is monotonic.) The row height is the table's, fixed.
  const observe = (next: Viewport, sync: boolean) => {
    latest.current = next;
    const update = () =>
      setViewport((shown) => {
        const before = rowsInView(shown, Infinity, rowHeight);
        const after = rowsInView(next, Infinity, rowHeight);
        return before.top === after.top && before.bottom === after.bottom && shown.height === next.height
          ? shown
          : next;
      });
    // A scroll is drawn in the frame that scrolled: the rows it brings in are rendered before that frame paints.
    if (sync) flushSync(update);
    else update();
  };

  // Follows the scroll box the table renders (subscribed again if the table renders another one).
  const subscribed = useRef<{ element: HTMLDivElement; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (subscribed.current?.element === element) return;
    subscribed.current?.stop();
    subscribed.current = null;
    if (!element) return;
    // Sizes are read only here and when the box resizes (layout is clean then), never as the list changes.
    let height = 0;
    const measure = () => {
      const head = element.firstElementChild instanceof HTMLElement ? element.firstElementChild.offsetHeight : 0;
      height = Math.max(element.clientHeight - head, 0);
    };
    const read = (sync: boolean) => observe({ offset: element.scrollTop, height }, sync);
    const onScroll = () => read(true);
    element.addEventListener('scroll', onScroll, { passive: true });
    const resizes =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            measure();
            read(false);
          });
    resizes?.observe(element);
    measure();
    read(false);
    subscribed.current = {
      element,
      stop: () => {
        element.removeEventListener('scroll', onScroll);
        resizes?.disconnect();
      },
    };
  });
  useLayoutEffect(
    () => () => {
      subscribed.current?.stop();
      subscribed.current = null;
    },
    [],
  );

  const { top, bottom } = rowsInView(viewport, count, rowHeight);
  const first = count === 0 ? 0 : Math.max(0, top - overscan);
  const last = count === 0 ? -1 : Math.min(count - 1, bottom + overscan);
  const items = useMemo(() => {
    const rows: VirtualRow[] = [];
    for (let index = first; index <= last; index += 1) rows.push({ index, start: index * rowHeight });
    return rows;
  }, [first, last, rowHeight]);
  const totalSize = count * rowHeight;

  const scrollToOffset = (offset: number) => {
    const element = scrollRef.current;
    if (!element) return;
    // The browser keeps the offset within the box's scroll height (and says so in a scroll event).
    const target = Math.max(0, offset);
    element.scrollTop = target;
    observe({ offset: target, height: latest.current.height }, false);
  };

  /** Brings a row into view: scrolled to its edge only when it lies beyond the viewport. */
  const scrollToIndex = (index: number) => {
    const { offset, height } = latest.current;
    const start = index * rowHeight;
    const end = start + rowHeight;
    if (end >= offset + height) scrollToOffset(end - height);
    else if (start <= offset) scrollToOffset(start);
  };

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
    scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  return {
    scrollRef,
    items,
    first,
    last,
    /** the last row the viewport shows (the rows after it are overscan) */
    bottom,
    count,
    rowHeight,
    totalSize,
    /** the scroll box's offset as last read (no layout read) */
    scrollOffset: () => latest.current.offset,
    scrollToOffset,
    scrollToIndex,
    onKeyDown,
  };
}

export type VirtualRows = ReturnType<typeof useVirtualRows>;

import type { MouseEvent } from 'react';

/**
 * A cell whose text is cut (ellipsis) gets its full text as its title when the pointer enters it, and only then:
 * titles kept on every rendered cell were one more attribute per cell to change on each filtering keystroke. The
 * text is the cell's own, read as the pointer arrives, so the title is never that of an earlier row.
 */
export function titleCutCell(event: MouseEvent<HTMLElement>) {
  const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="cell"]');
  if (!cell) return;
  if (cell.scrollWidth > cell.clientWidth) {
    const text = cell.textContent ?? '';
    if (cell.title !== text) cell.title = text;
  } else if (cell.hasAttribute('title')) cell.removeAttribute('title');
}

import type { ClipboardEvent } from 'react';
import { formatDateTime, toIso, type DateTimeStyle } from './format-time.ts';

/**
 * A time as the operator reads it, with ISO 8601 on hover and on copy: copying a selection that lies inside
 * this element puts the ISO string on the clipboard; a wider selection (a whole row) copies as shown.
 */
export function DateTime({ at, ...style }: { at: string | number } & DateTimeStyle) {
  const iso = toIso(at);
  const copyIso = (event: ClipboardEvent<HTMLTimeElement>) => {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (range && !range.collapsed && !event.currentTarget.contains(range.commonAncestorContainer)) return;
    event.clipboardData.setData('text/plain', iso);
    event.preventDefault();
  };
  return (
    <time dateTime={iso} title={iso} onCopy={copyIso}>
      {formatDateTime(at, style)}
    </time>
  );
}

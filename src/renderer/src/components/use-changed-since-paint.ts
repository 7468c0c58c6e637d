import { useEffect, useState } from 'react';

/**
 * Whether a table's list changed within the same window (a filtering keystroke) and the frame showing that change
 * has not painted yet. It turns false in a task after the frame (not a transition, which the browser may run
 * before the frame), so what waits for it never delays the rows in view.
 */
export function useChangedSincePaint<TRow>(rows: readonly TRow[], first: number): boolean {
  const [painted, setPainted] = useState({ rows, first });
  useEffect(() => {
    if (painted.rows === rows && painted.first === first) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted({ rows, first }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, first, painted]);
  return painted.first === first && painted.rows !== rows;
}

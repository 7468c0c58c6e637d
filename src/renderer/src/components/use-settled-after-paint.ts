import { useEffect, useState } from 'react';

/**
 * A table's rows as they were before the latest change, until the frame showing that change has painted: then
 * the latest. A task after the frame (not a transition, which the browser may run before the frame) so the
 * overscan rows' work never delays the rows in view.
 */
export function useSettledAfterPaint<TRow>(rows: readonly TRow[], first: number) {
  const [settled, setSettled] = useState({ rows, first });
  useEffect(() => {
    if (settled.rows === rows && settled.first === first) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setSettled({ rows, first }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows, first, settled]);
  return settled;
}

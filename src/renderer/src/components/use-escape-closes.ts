import { useEffect, useEffectEvent } from 'react';

/**
 * While a detail panel is open, Esc closes it wherever focus is (a button that vanished leaves focus on the body),
 * unless a dialog is open: the dialog's own Esc comes first.
 */
export function useEscapeCloses(open: boolean, close: () => void): void {
  const onEscape = useEffectEvent(close);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      onEscape();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

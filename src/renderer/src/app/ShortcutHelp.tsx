import './shortcut-help.css';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { areas } from './area-registry.tsx';
import { usePalette } from './palette-store.ts';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** A key typed into a field is text, not a shortcut. */
const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `?`: every key the console answers to, in one place (the Help menu opens it too). */
export function ShortcutHelp() {
  const open = usePalette((state) => state.dialog === 'shortcuts');
  const showShortcuts = usePalette((state) => state.showShortcuts);
  const closeDialog = usePalette((state) => state.closeDialog);
  const closeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      event.preventDefault();
      showShortcuts();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [showShortcuts]);

  useLayoutEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
  }, [open]);

  if (!open) return null;
  const mod = isMac() ? '⌘' : 'Ctrl';
  const close = () => {
    closeDialog();
    returnFocus.current?.focus?.();
  };
  const rows: Array<[string, string]> = [
    [`${mod}+K`, 'Command palette: any area, action or pasted identifier'],
    ...areas.slice(0, 9).map((area, index): [string, string] => [`${mod}+${index + 1}`, `Go to ${area.label}`]),
    ['?', 'This list'],
    ['↑ ↓ · Enter', 'Choose and open in the palette and in lists'],
    ['Esc', 'Close a dialog or panel'],
    ['Tab · Shift+Tab', 'Move between controls'],
  ];
  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div
        className="palette shortcut-help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-help-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault();
            event.stopPropagation();
            close();
          } else if (event.key === 'Tab') {
            // One control in the dialog: focus stays on it.
            event.preventDefault();
          }
        }}
      >
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <table className="shortcut-help__table">
          <thead>
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** The confirm button works only once exactly this text is typed (case-sensitive). */
  typedConfirmation?: { label: string; expected: string };
  busy?: boolean;
  error?: string | null;
  onConfirm(typed: string): void;
  onCancel(): void;
}

/** A modal question. Escape or Cancel backs out; nothing happens until the confirm button is pressed. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { onCancel, typedConfirmation } = props;
  const matches = !typedConfirmation || typed === typedConfirmation.expected;

  useEffect(() => {
    if (!typedConfirmation) cancelRef.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCancel, typedConfirmation]);

  return (
    <div className="dialog-backdrop">
      <div
        className={`dialog${props.danger ? ' dialog--danger' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId}>{props.title}</h2>
        <div className="dialog__body">{props.children}</div>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (matches && !props.busy) props.onConfirm(typed);
          }}
        >
          {typedConfirmation && (
            <p>
              <label htmlFor={inputId}>{typedConfirmation.label}</label>
              <input
                id={inputId}
                className="dialog__typed mono"
                value={typed}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                onChange={(event) => setTyped(event.target.value)}
              />
            </p>
          )}
          {props.error && (
            <p className="form-error" role="alert">
              {props.error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" ref={cancelRef} onClick={onCancel}>
              Cancel
            </button>
            <button
              type="submit"
              className={props.danger ? 'button-danger' : 'button-primary'}
              disabled={!matches || props.busy}
            >
              {props.confirmLabel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

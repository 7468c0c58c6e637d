import { createPortal } from 'react-dom';
import { useToasts, type Toast } from './toast-store.ts';
import './toasts.css';

function ToastCard({ toast }: { toast: Toast }) {
  const dismiss = useToasts((state) => state.dismiss);
  const act = () => {
    dismiss(toast.id);
    toast.onAction?.();
  };
  return (
    <li className={`toast toast--${toast.tone}`} data-toast={toast.marker ?? 'toast'}>
      <div className="toast__text">
        <strong className="toast__title">{toast.title}</strong>
        {toast.body && <span className="toast__body">{toast.body}</span>}
      </div>
      <button
        type="button"
        className="toast__close"
        aria-label={`Dismiss: ${toast.title}`}
        onClick={() => dismiss(toast.id)}
      >
        ×
      </button>
      {toast.onAction && (
        <div className="toast__actions">
          <button type="button" className="toast__action" onClick={act}>
            {toast.actionLabel ?? 'Open'}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The in-app toasts, bottom right; announced politely as they arrive, without taking focus. Rendered into the
 * body, so whatever part of the shell mounts them, its styles never reach the toasts.
 */
export function Toasts() {
  const toasts = useToasts((state) => state.toasts);
  return createPortal(
    <section className="toasts" aria-label="Notifications">
      <ul aria-live="polite">
        {toasts.map((toast) => (
          <ToastCard key={toast.id} toast={toast} />
        ))}
      </ul>
    </section>,
    document.body,
  );
}

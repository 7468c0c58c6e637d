import { create } from 'zustand';

export interface ToastInput {
  tone: 'danger' | 'warning' | 'info';
  title: string;
  body?: string;
  /** the one thing to do about it: clicking the toast does it too */
  actionLabel?: string;
  onAction?: () => void;
  /** a name the page (and the e2e) can observe the toast by, e.g. `alerts.fired` */
  marker?: string;
}

export interface Toast extends ToastInput {
  id: number;
}

/** Toasts on screen at once; older ones give way. */
export const MAX_TOASTS = 4;

interface ToastState {
  toasts: Toast[];
  push(toast: ToastInput): number;
  dismiss(id: number): void;
}

let nextId = 1;

/** In-app notifications that stay until the operator acts on or dismisses them (an alert must not slip by). */
export const useToasts = create<ToastState>((set) => ({
  toasts: [],
  push(toast) {
    const id = nextId++;
    set((state) => ({ toasts: [...state.toasts, { ...toast, id }].slice(-MAX_TOASTS) }));
    return id;
  },
  dismiss(id) {
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
  },
}));

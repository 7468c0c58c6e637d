import { create } from 'zustand';
import type { IdentifierResolution } from '../../../shared/contract/calls.ts';
import type { OrderSummary } from '../../../shared/contract/orders.ts';
import { hubble } from '../hubble.ts';

export interface PaletteAnswer {
  answer: IdentifierResolution;
  /** the order this console holds under that orderId or referenceId (never a live Hubble lookup while typing) */
  order: OrderSummary | null;
}

/** Which of the shell's overlays is open: the palette (Ctrl/Cmd+K) or the shortcut help (?). */
export type ShellDialog = 'palette' | 'shortcuts' | null;

interface PaletteState {
  dialog: ShellDialog;
  togglePalette(): void;
  showPalette(): void;
  showShortcuts(): void;
  closeDialog(): void;
  /** ids of the palette commands run lately, newest first (kept across restarts in localStorage) */
  recent: string[];
  noteRecent(commandId: string): void;
  /** main's answer for `query`; an answer for an older query never replaces a newer one */
  resolution: ({ query: string } & PaletteAnswer) | null;
  /** Asks main what a pasted identifier names (X-REQUEST-ID, orderId or referenceId of this profile). */
  resolve(query: string): Promise<PaletteAnswer | null>;
  clear(): void;
}

const storedOrder = async (value: string): Promise<OrderSummary | null> => {
  const result = await hubble().orders.lookup({ value, live: false });
  return result.ok ? result.value.order : null;
};

const RECENT_KEY = 'hubble-ops.palette.recent';
const MAX_RECENT = 5;

const readRecent = (): string[] => {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((id): id is string => typeof id === 'string').slice(0, MAX_RECENT)
      : [];
  } catch {
    return [];
  }
};

/** What the command palette (Ctrl/Cmd+K) knows about the identifier typed into it, and which overlay is open. */
export const usePalette = create<PaletteState>((set) => {
  let latest = 0;
  return {
    dialog: null,
    togglePalette: () => set((state) => ({ dialog: state.dialog === 'palette' ? null : 'palette' })),
    showPalette: () => set({ dialog: 'palette' }),
    showShortcuts: () => set({ dialog: 'shortcuts' }),
    closeDialog: () => set({ dialog: null }),
    recent: readRecent(),
    noteRecent(commandId) {
      set((state) => {
        const recent = [commandId, ...state.recent.filter((id) => id !== commandId)].slice(0, MAX_RECENT);
        try {
          localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
        } catch {
          // Recent items are a convenience; a full or blocked storage only forgets them.
        }
        return { recent };
      });
    },
    resolution: null,
    async resolve(query) {
      const request = ++latest;
      const [result, order] = await Promise.all([
        hubble().calls.resolveIdentifier({ value: query }),
        storedOrder(query),
      ]);
      if (!result.ok) return null;
      if (request === latest) set({ resolution: { query, answer: result.value, order } });
      return { answer: result.value, order };
    },
    clear() {
      latest += 1;
      set({ resolution: null });
    },
  };
});

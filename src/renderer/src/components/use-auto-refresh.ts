import { useEffect } from 'react';

/**
 * Reloads a page's store every `refreshMs` (0: auto-refresh off); a new profile restarts the interval.
 * `store` must be stable (a module-level zustand store).
 */
export function useAutoRefresh(
  store: { getState(): { load(): Promise<void> } },
  refreshMs: number,
  profileId: string | undefined,
): void {
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => void store.getState().load(), refreshMs);
    return () => clearInterval(timer);
  }, [store, refreshMs, profileId]);
}

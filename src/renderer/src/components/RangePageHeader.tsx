import type { ReactNode } from 'react';
import './chart-page.css';

/** What a page over a time range keeps in its store: the range, the auto-refresh and the load behind both. */
export interface RangeControls<TRange, TRefresh> {
  range: TRange;
  refreshMs: TRefresh;
  loading: boolean;
  setRange(range: TRange): Promise<void>;
  setRefresh(ms: TRefresh): void;
  load(): Promise<void>;
}

/** The props a time-range picker takes, wired to a page's store. */
export function rangePickerProps<TRange, TRefresh>(store: RangeControls<TRange, TRefresh>) {
  return {
    range: store.range,
    onRange: (range: TRange) => void store.setRange(range),
    refreshMs: store.refreshMs,
    onRefresh: store.setRefresh,
    onReload: () => void store.load(),
    loading: store.loading,
  };
}

/** A range page's title, the scope line under it (profile, range, time zone) and its range picker on the right. */
export function RangePageHeader({ label, scope, picker }: { label: string; scope: ReactNode; picker: ReactNode }) {
  return (
    <header className="dashboard-page__header">
      <div>
        <h1 id="page-title">{label}</h1>
        <p className="muted dashboard-page__scope">{scope}</p>
      </div>
      {picker}
    </header>
  );
}

import type { ReactNode } from 'react';
import './chart-panel.css';

interface Props {
  id: string;
  title: string;
  /** one line under the title: the unit, the window, what is counted */
  subtitle?: ReactNode;
  /** the numbers behind the chart (a table): the chart is never the only way to read them */
  data?: ReactNode;
  /** shown instead of the chart when there is nothing to draw: what would fill it */
  empty?: ReactNode;
  actions?: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}

/** A dashboard panel: a titled region with its chart, its empty state and its data table behind a toggle. */
export function Panel({ id, title, subtitle, data, empty, actions, wide = false, children }: Props) {
  return (
    <section className={`panel${wide ? ' panel--wide' : ''}`} aria-labelledby={`${id}-title`}>
      <header className="panel__header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {subtitle && <p className="panel__subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="panel__actions">{actions}</div>}
      </header>
      {empty ?? children}
      {!empty && data && (
        <details className="panel__data">
          <summary>Numbers behind this chart</summary>
          {data}
        </details>
      )}
    </section>
  );
}

/** What an empty panel says: what it will show, and the one action that fills it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="panel__empty">{children}</div>;
}

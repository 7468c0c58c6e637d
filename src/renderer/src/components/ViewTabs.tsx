export interface ViewTab<TView extends string> {
  id: TView;
  label: string;
}

interface ViewTabsProps<TView extends string> {
  className: string;
  /** The id of the element the tabs switch. */
  controls: string;
  views: readonly ViewTab<TView>[];
  current: TView;
  select: (view: TView) => void;
}

/** A page's view switch: an ARIA tablist with one tab stop, arrow keys move between tabs (and select). */
export function ViewTabs<TView extends string>({ className, controls, views, current, select }: ViewTabsProps<TView>) {
  return (
    <div className={className} role="tablist" aria-label="Show">
      {views.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={current === tab.id}
          aria-controls={controls}
          tabIndex={current === tab.id ? 0 : -1}
          onClick={() => select(tab.id)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
            const next = views[(index + (event.key === 'ArrowRight' ? 1 : views.length - 1)) % views.length]!;
            select(next.id);
            (event.currentTarget.parentElement?.children[views.indexOf(next)] as HTMLElement | undefined)?.focus();
          }}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

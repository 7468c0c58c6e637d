import type { ReactNode } from 'react';

/** What every area page is given: its own label and purpose, from the area registry. */
export interface AreaPageProps {
  label: string;
  purpose: string;
}

/** The page of an area that is not built yet: says so plainly; `children` go above the notice. */
export function NotBuiltYet({ label, purpose, children }: AreaPageProps & { children?: ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">{label}</h1>
      {children}
      <p>{purpose}</p>
      <p className="notice" role="status">
        This area is not built yet. It is planned; nothing here is simulated or faked.
      </p>
    </section>
  );
}

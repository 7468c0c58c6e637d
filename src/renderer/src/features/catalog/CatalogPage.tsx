import { useEffect } from 'react';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useEscapeCloses } from '../../components/use-escape-closes.ts';
import { ViewTabs, type ViewTab } from '../../components/ViewTabs.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { BrandDetailPanel } from './BrandDetailPanel.tsx';
import { BrandFilters } from './BrandFilters.tsx';
import { BrandsTable } from './BrandsTable.tsx';
import { formatCount } from './catalog-format.ts';
import { useCatalog, type CatalogView } from './catalog-store.ts';
import { ChangesView } from './ChangesView.tsx';
import { isFiltered } from './local-search.ts';
import { SyncBar } from './SyncBar.tsx';
import './catalog.css';

function Summary() {
  const shown = useCatalog((state) => state.visible.length);
  const loading = useCatalog((state) => state.loading);
  const unread = useCatalog((state) => state.status === null && state.statusError === null);
  const loadError = useCatalog((state) => state.loadError);
  const filtered = useCatalog((state) => isFiltered(state.filters));
  return (
    <div className="catalog-summary">
      <span role="status" aria-label="Brands found">
        {unread || (loading && loading.loaded === 0)
          ? 'Loading…'
          : `${formatCount(shown)} ${shown === 1 ? 'brand' : 'brands'}${filtered ? ' match' : ''}`}
      </span>
      {loading && loading.loaded > 0 && (
        <span className="muted">
          reading the catalog: {formatCount(loading.loaded)}
          {loading.total !== null && ` of ${formatCount(loading.total)}`}
        </span>
      )}
      {loadError && (
        <span className="form-error" role="alert">
          {loadError}
        </span>
      )}
    </div>
  );
}

function EmptyState() {
  return (
    <div className="catalog-empty">
      <p>
        This page lists the brands Hubble offers this profile — their face values, restrictions and discounts — and what
        changed at each sync. The catalog has not been synced yet.
      </p>
      <button type="button" className="button-primary" onClick={() => void useCatalog.getState().syncNow()}>
        Sync the catalog
      </button>
    </div>
  );
}

const VIEWS: readonly ViewTab<CatalogView>[] = [
  { id: 'brands', label: 'Brands' },
  { id: 'changes', label: 'What changed' },
];

/** Catalog: every brand of the active profile, searchable as you type; sync, schedule and what changed. */
export function CatalogPage({ label }: AreaPageProps) {
  const profileId = useProfiles((state) => state.active()?.id);
  const view = useCatalog((state) => state.view);
  const neverSynced = useCatalog((state) => state.status !== null && state.status.lastSuccessAt === null);
  const detailOpen = useCatalog((state) => state.selectedId !== null);

  useEffect(() => {
    const catalog = useCatalog.getState();
    void catalog.select(null);
    void catalog.load();
    if (catalog.view === 'changes') void catalog.loadChanges({ kind: 'last' });
    return catalog.watchSync((eventProfileId) => eventProfileId === useProfiles.getState().active()?.id);
  }, [profileId]);

  useEscapeCloses(detailOpen, () => void useCatalog.getState().select(null));

  return (
    <section aria-labelledby="page-title" className="page catalog-page">
      <header className="catalog-page__header">
        <h1 id="page-title">{label}</h1>
        <ViewTabs
          className="catalog-tabs"
          controls="catalog-view"
          views={VIEWS}
          current={view}
          select={(next) => useCatalog.getState().setView(next)}
        />
      </header>
      <SyncBar />
      {view === 'changes' ? (
        <div id="catalog-view" role="tabpanel" aria-label="What changed" className="catalog-view">
          <ChangesView />
        </div>
      ) : (
        <div id="catalog-view" role="tabpanel" aria-label="Brands" className="catalog-view">
          {neverSynced ? (
            <EmptyState />
          ) : (
            <>
              <BrandFilters />
              <Summary />
              <div className="catalog-layout">
                <BrandsTable />
                <BrandDetailPanel />
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

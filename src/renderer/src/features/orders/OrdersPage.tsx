import { useEffect, useRef } from 'react';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useEscapeCloses } from '../../components/use-escape-closes.ts';
import { ViewTabs, type ViewTab } from '../../components/ViewTabs.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { BatchesView } from './BatchesView.tsx';
import { NewOrderForm } from './NewOrderForm.tsx';
import { OrderDetailPanel } from './OrderDetailPanel.tsx';
import { OrderFilters } from './OrderFilters.tsx';
import { OrderLookup } from './OrderLookup.tsx';
import { OrdersTable } from './OrdersTable.tsx';
import { useOrders, type OrdersView } from './orders-store.ts';
import { StuckSetting } from './StuckSetting.tsx';
import './orders.css';

function Summary() {
  const total = useOrders((state) => state.total);
  const error = useOrders((state) => state.error);
  const filtered = useOrders((state) => Object.keys(state.filters).length > 0);
  return (
    <div className="orders-summary">
      <span role="status" aria-label="Orders found">
        {total === null
          ? 'Loading…'
          : `${total.toLocaleString('en-IN')} ${total === 1 ? 'order' : 'orders'}${filtered ? ' match' : ''}`}
      </span>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function EmptyState() {
  return (
    <div className="orders-empty">
      <p>
        This page lists every order of the active profile — placed here, in a batch, looked up or reported by a webhook
        — with its status, amount and the identifiers a support ticket carries.
      </p>
      <button type="button" className="button-primary" onClick={() => useOrders.getState().startNewOrder()}>
        Place the first order
      </button>
    </div>
  );
}

const VIEWS: readonly ViewTab<OrdersView>[] = [
  { id: 'orders', label: 'Orders' },
  { id: 'batches', label: 'Batches' },
];

function Panel() {
  const panel = useOrders((state) => state.panel);
  if (panel.kind === 'new') return <NewOrderForm key={panel.opened} prefill={panel.prefill} />;
  if (panel.kind === 'order') return <OrderDetailPanel />;
  return null;
}

/** Orders: place single orders, find any order by the ids a ticket carries, and watch each one to its outcome. */
export function OrdersPage({ label }: AreaPageProps) {
  const profileId = useProfiles((state) => state.active()?.id);
  const total = useOrders((state) => state.total);
  const filtered = useOrders((state) => Object.keys(state.filters).length > 0);
  const panelOpen = useOrders((state) => state.panel.kind !== 'none');
  const view = useOrders((state) => state.view);

  const shownProfile = useRef(profileId);

  useEffect(() => {
    // Another profile's order must not stay open beside this profile's list.
    if (shownProfile.current !== undefined && shownProfile.current !== profileId) useOrders.getState().closePanel();
    shownProfile.current = profileId;
    void useOrders.getState().search();
  }, [profileId]);

  useEscapeCloses(panelOpen, () => useOrders.getState().closePanel());

  return (
    <section aria-labelledby="page-title" className="page orders-page">
      <header className="orders-page__header">
        <h1 id="page-title">{label}</h1>
        <ViewTabs
          className="orders-tabs"
          controls="orders-view"
          views={VIEWS}
          current={view}
          select={(next) => useOrders.getState().setView(next)}
        />
        <button type="button" className="button-primary" onClick={() => useOrders.getState().startNewOrder()}>
          New order
        </button>
        <OrderLookup />
      </header>
      {view === 'batches' ? (
        <div id="orders-view" role="tabpanel" aria-label="Batches" className="orders-view">
          <BatchesView />
        </div>
      ) : (
        <div id="orders-view" role="tabpanel" aria-label="Orders" className="orders-view">
          <OrderFilters />
          <div className="orders-summary-row">
            <Summary />
            <StuckSetting profileId={profileId} />
          </div>
          <div className="orders-layout">
            {total === 0 && !filtered && !panelOpen ? <EmptyState /> : <OrdersTable />}
            <Panel />
          </div>
        </div>
      )}
    </section>
  );
}

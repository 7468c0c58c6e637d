import { useEffect } from 'react';
import { MAX_SCROLL_ROWS, useCalls } from './calls-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { CallDetailPanel } from './CallDetailPanel.tsx';
import { CallFilters } from './CallFilters.tsx';
import { CallsTable } from './CallsTable.tsx';
import { ExportCsvButton } from './ExportCsvButton.tsx';
import { RetentionSetting } from './RetentionSetting.tsx';
import { SampleTrafficButton } from './SampleTrafficButton.tsx';
import './calls.css';

function Summary() {
  const total = useCalls((state) => state.total);
  const arrived = useCalls((state) => state.arrived);
  const error = useCalls((state) => state.error);
  const filtered = useCalls((state) => Object.keys(state.filters).length > 0);
  return (
    <div className="calls-summary">
      <span role="status" aria-label="Calls found">
        {total === null
          ? 'Loading…'
          : `${total.toLocaleString()} ${total === 1 ? 'call' : 'calls'}${filtered ? ' match' : ''}`}
        {total !== null &&
          total > MAX_SCROLL_ROWS &&
          ` (scrolling the first ${MAX_SCROLL_ROWS.toLocaleString()}; narrow the filters for the rest)`}
      </span>
      <span className="muted calls-summary__hint">
        Select a call to see its request, response and support bundle. Paste any id with Ctrl+K.
      </span>
      {arrived > 0 && (
        <button type="button" className="calls-summary__arrived" onClick={() => void useCalls.getState().search()}>
          {arrived.toLocaleString()} new {arrived === 1 ? 'call' : 'calls'}: show
        </button>
      )}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** Calls: every Hubble call of the active profile, searchable by any id a support ticket carries. */
export function CallsPage() {
  const profile = useProfiles((state) => state.active());
  const profileId = profile?.id;

  useEffect(() => {
    const calls = useCalls.getState();
    void calls.search();
    return calls.watchArrivals((eventProfileId) => eventProfileId === useProfiles.getState().active()?.id);
  }, [profileId]);

  return (
    <section aria-labelledby="page-title" className="page calls-page">
      <header className="calls-page__header">
        <h1 id="page-title">Calls</h1>
        <ExportCsvButton />
        <RetentionSetting profileId={profileId} />
      </header>
      {profile?.environment === 'simulator' && <SampleTrafficButton />}
      <CallFilters />
      <Summary />
      <div className="calls-layout">
        <CallsTable />
        <CallDetailPanel />
      </div>
    </section>
  );
}

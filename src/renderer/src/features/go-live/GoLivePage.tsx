import { useEffect } from 'react';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { ChecklistView } from './ChecklistView.tsx';
import { checkableProfiles, counterpartsOf, useGoLive } from './go-live-store.ts';
import { ReportView } from './ReportView.tsx';
import { RunControls } from './RunControls.tsx';
import { RunHistory } from './RunHistory.tsx';
import './go-live.css';

function ExportBar() {
  return (
    <div className="go-live-export">
      <button type="button" onClick={() => void useGoLive.getState().exportMarkdown()}>
        Export Markdown
      </button>
      <button type="button" onClick={() => void useGoLive.getState().exportPdf()}>
        Export PDF
      </button>
      <button type="button" onClick={() => useGoLive.getState().setReportOpen(true)}>
        Open the report
      </button>
    </div>
  );
}

/** Hubble's pre-launch checklist, checked from the console's own evidence against a production (or staging) profile. */
export function GoLivePage({ label, purpose }: AreaPageProps) {
  const profiles = useProfiles((state) => state.list?.profiles ?? null);
  const profileId = useGoLive((state) => state.profileId);
  const run = useGoLive((state) => state.run);
  const reportOpen = useGoLive((state) => state.reportOpen);
  const error = useGoLive((state) => state.error);
  const message = useGoLive((state) => state.message);

  useEffect(() => {
    if (profiles === null) void useProfiles.getState().load();
  }, [profiles]);
  useEffect(() => {
    if (!profiles || (profileId && profiles.some((profile) => profile.id === profileId))) return;
    const first = checkableProfiles(profiles)[0] ?? null;
    if (first) void useGoLive.getState().choose(first.id, counterpartsOf(first, profiles)[0]?.id ?? null);
  }, [profiles, profileId]);

  if (reportOpen && run) {
    return (
      <section aria-labelledby="page-title" className="page go-live-page go-live-page--report">
        <h1 id="page-title" className="go-live-report__page-title">
          {label} report
        </h1>
        {message && <p role="status">{message}</p>}
        <ReportView run={run} />
      </section>
    );
  }
  return (
    <section aria-labelledby="page-title" className="page go-live-page">
      <h1 id="page-title">{label}</h1>
      <p className="muted">{purpose}</p>
      {profiles && <RunControls profiles={profiles} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <div className="go-live-layout">
        <div className="go-live-main">
          {run ? (
            <>
              <ExportBar />
              <ChecklistView run={run} />
            </>
          ) : (
            <p>
              Runs Hubble’s pre-launch checklist: authentication, IP whitelisting, wallet, webhooks, rate limits,
              catalog, error handling, monitoring and support readiness. Each item passes, fails with what to do, or
              waits for your confirmation.
            </p>
          )}
        </div>
        <aside className="go-live-aside" aria-labelledby="go-live-runs-title">
          <h2 id="go-live-runs-title">Runs</h2>
          <RunHistory />
        </aside>
      </div>
    </section>
  );
}

import { useEffect } from 'react';
import { useProfiles } from '../profiles/profiles-store.ts';
import { BatchDetailView } from './BatchDetailView.tsx';
import { BatchImportForm } from './BatchImportForm.tsx';
import { useBatches } from './batches-store.ts';
import { formatPaise } from '../../components/money.ts';

/** Progress is pushed as jobs.progress; this re-read catches what an event cannot say (e.g. a pause by E300). */
const RUNNING_REFRESH_MS = 1_500;

function BatchList() {
  const batches = useBatches((state) => state.batches);
  const selectedId = useBatches((state) => state.selectedId);
  if (!batches || batches.length === 0) return <p className="muted">No batches on this profile yet.</p>;
  return (
    <ul className="batch-list" aria-label="Batches">
      {batches.map((batch) => (
        <li key={batch.batchId}>
          <button
            type="button"
            aria-current={batch.batchId === selectedId ? 'true' : undefined}
            onClick={() => void useBatches.getState().open(batch.batchId)}
          >
            <strong>{batch.name}</strong>
            <span className="muted">
              {batch.state} · {batch.rowsValid} rows · {formatPaise(batch.totalPaise)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Batches: import a CSV, read the dry run, run it with a progress bar, and take the results away. */
export function BatchesView() {
  const profileId = useProfiles((state) => state.active()?.id);
  const detail = useBatches((state) => state.detail);
  const detailError = useBatches((state) => state.detailError);
  const running = detail?.state === 'running';

  useEffect(() => {
    const batches = useBatches.getState();
    void batches.load();
    return batches.watchProgress((eventProfileId) => eventProfileId === useProfiles.getState().active()?.id);
  }, [profileId]);

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void useBatches.getState().refresh(), RUNNING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [running]);

  return (
    <div className="batches-layout">
      <div className="batches-side">
        <BatchImportForm />
        <BatchList />
      </div>
      {detail ? (
        <BatchDetailView batch={detail} />
      ) : detailError ? (
        <p className="form-error" role="alert">
          {detailError}
        </p>
      ) : (
        <p className="batches-empty muted">
          Import a CSV to check every row against the brand rules and the wallet before anything is sent; then run it
          here with a progress bar, pause or cancel it, and download its result.
        </p>
      )}
    </div>
  );
}

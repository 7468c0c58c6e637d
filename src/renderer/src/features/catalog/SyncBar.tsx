import { DateTime } from '../../components/DateTime.tsx';
import { toIso } from '../../components/format-time.ts';
import { formatDuration } from '../../components/format-duration.ts';
import { useCatalog } from './catalog-store.ts';
import { ScheduleSetting } from './ScheduleSetting.tsx';
import { useNow } from '../../components/use-now.ts';

/** How old the catalog is, always on screen, with the stale flag when it is older than its schedule allows. */
function CatalogAge() {
  const status = useCatalog((state) => state.status);
  const now = useNow(30_000);
  if (!status) return <span className="muted">Reading the catalog…</span>;
  if (status.lastSuccessAt === null)
    return (
      <span className="catalog-age catalog-age--stale" role="status" aria-label="Catalog age">
        Never synced <strong className="stale-flag">Stale</strong>
      </span>
    );
  const age = Math.max(0, now - status.lastSuccessAt);
  const stale = status.stale || (status.staleAfterMs !== null && age > status.staleAfterMs);
  return (
    <span className={`catalog-age${stale ? ' catalog-age--stale' : ''}`} role="status" aria-label="Catalog age">
      <span title={`Last successful sync ended ${toIso(status.lastSuccessAt)}`}>Synced {formatDuration(age)} ago</span>
      {stale && (
        <strong
          className="stale-flag"
          title={`Older than its schedule allows${status.staleAfterMs === null ? '' : ` (${formatDuration(status.staleAfterMs)})`}: orders may fail with E150 or E102`}
        >
          Stale
        </strong>
      )}
    </span>
  );
}

function Progress() {
  const progress = useCatalog((state) => state.progress);
  const running = useCatalog((state) => state.status?.running === true || state.progress?.state === 'running');
  if (!running) return null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? null;
  const words =
    progress?.message ??
    (total === null
      ? `${done.toLocaleString('en-IN')} brands read`
      : `${done.toLocaleString('en-IN')} of about ${total.toLocaleString('en-IN')} brands read`);
  return (
    <div className="catalog-progress">
      <progress
        aria-label="Catalog sync progress"
        aria-valuetext={words}
        value={total === null ? undefined : Math.min(done, total)}
        max={total ?? undefined}
      />
      <span aria-live="polite">{words}</span>
      <button type="button" className="button-danger" onClick={() => void useCatalog.getState().cancelSync()}>
        Cancel sync
      </button>
    </div>
  );
}

/** Sync now, its progress and cancel, the catalog's age and the schedule. */
export function SyncBar() {
  const status = useCatalog((state) => state.status);
  const running = useCatalog((state) => state.status?.running === true || state.progress?.state === 'running');
  const message = useCatalog((state) => state.syncMessage);
  return (
    <div className="catalog-sync" aria-label="Catalog sync">
      <CatalogAge />
      {status && (
        <span className="muted">
          {status.brands.toLocaleString('en-IN')} brands ({status.inactive.toLocaleString('en-IN')} INACTIVE)
          {status.nextRunAt !== null && (
            <>
              {' '}
              · next sync <DateTime at={status.nextRunAt} withZone />
            </>
          )}
        </span>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={running}
        onClick={() => void useCatalog.getState().syncNow()}
      >
        {running ? 'Syncing…' : 'Sync now'}
      </button>
      <Progress />
      {message && !running && (
        <span
          className={message.tone === 'error' ? 'form-error' : 'catalog-sync__done'}
          role="status"
          aria-label="Sync outcome"
        >
          {message.text}
        </span>
      )}
      <ScheduleSetting />
    </div>
  );
}

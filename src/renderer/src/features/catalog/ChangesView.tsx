import { useState } from 'react';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { fromInputTime, toInputTime } from '../../components/input-time.ts';
import { useCatalog, type ChangesScope } from './catalog-store.ts';
import { ChangeList } from './ChangeList.tsx';

const DAY_MS = 86_400_000;

function scopeValue(scope: ChangesScope): string {
  return scope.kind === 'sync' ? `sync:${scope.syncId}` : scope.kind;
}

/** Which changes: the last sync, one chosen sync, or a time range. */
function ScopePicker() {
  const scope = useCatalog((state) => state.changesScope);
  const syncs = useCatalog((state) => state.syncs);
  const [range, setRange] = useState(() => ({ from: toInputTime(Date.now() - DAY_MS), to: toInputTime(Date.now()) }));
  const load = (next: ChangesScope) => void useCatalog.getState().loadChanges(next);
  const loadRange = (from: string, to: string) => {
    const start = fromInputTime(from);
    const end = fromInputTime(to);
    if (start !== undefined && end !== undefined && start < end) load({ kind: 'range', from: start, to: end });
  };
  return (
    <div className="changes-scope">
      <label>
        Show the changes of
        <select
          value={scopeValue(scope)}
          onChange={(event) => {
            const value = event.target.value;
            if (value === 'last') load({ kind: 'last' });
            else if (value === 'range') loadRange(range.from, range.to);
            else load({ kind: 'sync', syncId: Number(value.slice('sync:'.length)) });
          }}
        >
          <option value="last">The last sync</option>
          {syncs
            .filter((sync) => sync.outcome === 'done')
            .map((sync) => (
              <option key={sync.id} value={`sync:${sync.id}`}>
                Sync #{sync.id}: {sync.changes.toLocaleString('en-IN')} changes
              </option>
            ))}
          <option value="range">A time range</option>
        </select>
      </label>
      {scope.kind === 'range' && (
        <>
          <label>
            From ({timeZoneLabel()})
            <input
              type="datetime-local"
              value={range.from}
              onChange={(event) => {
                setRange({ ...range, from: event.target.value });
                loadRange(event.target.value, range.to);
              }}
            />
          </label>
          <label>
            To
            <input
              type="datetime-local"
              value={range.to}
              onChange={(event) => {
                setRange({ ...range, to: event.target.value });
                loadRange(range.from, event.target.value);
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}

/** What changed, grouped in the order an operator must act: newly INACTIVE brands first (their orders fail). */
export function ChangesView() {
  const changes = useCatalog((state) => state.changes);
  const error = useCatalog((state) => state.changesError);
  return (
    <div className="changes-view">
      <ScopePicker />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {changes && (
        <p role="status" aria-label="Changes found">
          {changes.sync ? (
            <>
              Sync #{changes.sync.id}, ended{' '}
              {changes.sync.finishedAt !== null && <DateTime at={changes.sync.finishedAt} withZone />}:{' '}
            </>
          ) : changes.from !== null ? (
            'In this time range: '
          ) : (
            'No sync has finished yet: '
          )}
          {changes.total.toLocaleString('en-IN')} {changes.total === 1 ? 'change' : 'changes'}
          {changes.sync &&
            changes.sync.added > 0 &&
            changes.total === 0 &&
            ` (first sync: ${changes.sync.added.toLocaleString('en-IN')} brands added)`}
          {changes.truncated && ' (showing the first ones; pick a narrower range)'}
        </p>
      )}
      {changes?.groups.map((group) => (
        <section
          key={group.kind}
          className={`change-group change-group--${group.kind}`}
          aria-labelledby={`changes-${group.kind}`}
        >
          <h2 id={`changes-${group.kind}`}>
            {group.label} ({group.changes.length.toLocaleString('en-IN')})
          </h2>
          <ChangeList changes={group.changes} label={group.label} linkBrand />
        </section>
      ))}
    </div>
  );
}

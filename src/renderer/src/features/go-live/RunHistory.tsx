import { useId, useState } from 'react';
import { DateTime } from '../../components/DateTime.tsx';
import { useGoLive } from './go-live-store.ts';
import { STATUS_LABELS } from './status-words.ts';

/** Stored runs of the chosen profile: open one, or compare two (what changed between them). */
export function RunHistory() {
  const runs = useGoLive((state) => state.runs);
  const current = useGoLive((state) => state.run?.id ?? null);
  const comparison = useGoLive((state) => state.comparison);
  const [before, setBefore] = useState<number | null>(null);
  const beforeId = useId();
  if (runs.length === 0) return <p className="muted">No run yet for this profile.</p>;
  const other = before ?? runs.find((run) => run.id !== current)?.id ?? null;
  return (
    <div className="go-live-history">
      <ol className="go-live-runs">
        {runs.map((run) => (
          <li key={run.id}>
            <button
              type="button"
              aria-current={run.id === current ? 'true' : undefined}
              onClick={() => void useGoLive.getState().openRun(run.id)}
            >
              Run #{run.id}
            </button>{' '}
            <DateTime at={run.startedAt} /> · {run.counts.passed} passed, {run.counts.failed} failed,{' '}
            {run.counts.operator} waiting{run.ready ? ' · ready' : ''}
          </li>
        ))}
      </ol>
      {current !== null && runs.length > 1 && (
        <form
          className="go-live-compare"
          onSubmit={(event) => {
            event.preventDefault();
            if (other !== null) void useGoLive.getState().compare(other, current);
          }}
        >
          <label htmlFor={beforeId}>Compare run #{current} with</label>
          <select id={beforeId} value={other ?? ''} onChange={(event) => setBefore(Number(event.target.value))}>
            {runs
              .filter((run) => run.id !== current)
              .map((run) => (
                <option key={run.id} value={run.id}>
                  Run #{run.id}
                </option>
              ))}
          </select>
          <button type="submit">Compare</button>
        </form>
      )}
      {comparison && (
        <div className="go-live-comparison" aria-live="polite">
          <h3>
            What changed from run #{comparison.before.id} to run #{comparison.after.id}
          </h3>
          {comparison.changes.length === 0 ? (
            <p>Nothing changed ({comparison.unchanged} items the same).</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Run #{comparison.before.id}</th>
                  <th scope="col">Run #{comparison.after.id}</th>
                </tr>
              </thead>
              <tbody>
                {comparison.changes.map((change) => (
                  <tr key={change.itemId}>
                    <td>{change.title}</td>
                    <td>
                      {change.before ? STATUS_LABELS[change.before] : '—'}
                      <div className="muted">{change.beforeSummary}</div>
                    </td>
                    <td>
                      {change.after ? STATUS_LABELS[change.after] : '—'}
                      <div className="muted">{change.afterSummary}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

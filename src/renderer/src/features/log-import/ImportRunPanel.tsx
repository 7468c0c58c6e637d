import { downloadText } from '../../components/download-text.ts';
import type { ImportRun } from '../../../../shared/contract/logImport.ts';
import { useLogImport } from './log-import-store.ts';

const RUN_WORDS: Record<ImportRun['state'], string> = {
  running: 'Running',
  done: 'Finished',
  cancelled: 'Cancelled (what was written stays; importing again adds only the rest)',
  failed: 'Failed',
};

const count = (value: number) => value.toLocaleString('en-IN');

const issuesCsv = (run: ImportRun) =>
  [
    'line,reasons',
    ...run.issues.map((issue) => `${issue.line},"${issue.reasons.join('; ').replaceAll('"', '""')}"`),
  ].join('\n');

function ProgressBar() {
  const progress = useLogImport((state) => state.progress);
  if (!progress || progress.state !== 'running') return null;
  const fraction = progress.total ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="li-progress">
      <progress
        aria-label="Import progress"
        max={progress.total ?? undefined}
        value={progress.total ? progress.done : undefined}
      />
      <span role="status" aria-label="Import status">
        {progress.message ?? 'Importing…'}
        {fraction !== null ? ` (${Math.round(fraction * 100)}%)` : ''}
      </span>
      <button type="button" onClick={() => void useLogImport.getState().cancel()}>
        Cancel import
      </button>
    </div>
  );
}

/** Start, progress (jobs.progress) and cancel, then the last run's counts and its rejected rows. */
export function ImportRunPanel() {
  const preview = useLogImport((state) => state.preview);
  const running = useLogImport((state) => state.progress?.state === 'running' || state.starting);
  const run = useLogImport((state) => state.lastRun);
  return (
    <section className="wh-panel li-run" aria-labelledby="li-run-title">
      <h2 id="li-run-title">Import</h2>
      <div className="li-run__actions">
        <button
          type="button"
          className="button-primary"
          disabled={!preview || running}
          onClick={() => void useLogImport.getState().start()}
        >
          Import this file
        </button>
        <button type="button" disabled={!preview} onClick={() => void useLogImport.getState().follow()}>
          Follow this file
        </button>
        {!preview && <span className="muted wh-hint">Preview a file first.</span>}
      </div>
      <ProgressBar />
      {run && (
        <div className="li-summary" role="region" aria-label="Last import">
          <h3>Last import: {RUN_WORDS[run.state]}</h3>
          <p className="mono li-summary__file">{run.file}</p>
          <dl className="rx-facts">
            <dt>Rows read</dt>
            <dd aria-label="Rows read">{count(run.rows)}</dd>
            <dt>Imported</dt>
            <dd aria-label="Imported">{count(run.imported)}</dd>
            <dt>Already there</dt>
            <dd aria-label="Duplicates">{count(run.duplicates)}</dd>
            <dt>Rejected</dt>
            <dd aria-label="Rejected">{count(run.rejected)}</dd>
          </dl>
          {run.issues.length > 0 && (
            <>
              <ul className="li-issues" aria-label="Rejected rows">
                {run.issues.map((issue) => (
                  <li key={issue.line}>
                    <strong>Line {issue.line}</strong>: {issue.reasons.join('; ')}
                  </li>
                ))}
              </ul>
              {run.rejected > run.issues.length && (
                <p className="muted wh-hint">The first {run.issues.length} rejected rows are listed.</p>
              )}
              <button type="button" onClick={() => downloadText('rejected-rows.csv', issuesCsv(run), 'text/csv')}>
                Download rejected rows (CSV)
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

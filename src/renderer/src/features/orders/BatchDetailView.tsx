import { useState } from 'react';
import type { BatchDetail } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape, Result } from '../../../../shared/contract/result.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { downloadText } from '../../components/download-text.ts';
import { BATCH_ROWS_SHOWN, useBatches } from './batches-store.ts';
import { BatchReportView } from './BatchReportView.tsx';
import { formatPaise } from '../../components/money.ts';
import { useOrders } from './orders-store.ts';

const STATE_WORDS: Record<BatchDetail['state'], string> = {
  draft: 'Checked, not started',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** Rows that reached an outcome (or are waiting on one), out of the valid rows. */
const sentOf = (batch: BatchDetail) =>
  batch.counts.succeeded + batch.counts.processing + batch.counts.failed + batch.counts.other + batch.counts.inFlight;

function Progress({ batch }: { batch: BatchDetail }) {
  const { counts } = batch;
  const sent = sentOf(batch);
  return (
    <div className="batch-progress">
      <progress aria-label="Batch progress" max={Math.max(1, batch.rowsValid)} value={sent} />
      <p role="status" aria-live="polite" data-testid="batch-counts">
        {sent} of {batch.rowsValid} sent · {counts.succeeded} succeeded · {counts.processing} processing ·{' '}
        {counts.failed} failed
        {counts.inFlight > 0 && ` · ${counts.inFlight} awaiting an answer`}
        {counts.pending > 0 && ` · ${counts.pending} waiting`}
        {counts.cancelled > 0 && ` · ${counts.cancelled} not sent (cancelled)`} · {formatPaise(batch.placedPaise)}{' '}
        accepted by Hubble
      </p>
    </div>
  );
}

function ExportCards({ batch }: { batch: BatchDetail }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportNow = async () => {
    setBusy(true);
    const result = await useBatches.getState().exportVouchers(batch.batchId);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    downloadText(result.value.fileName, result.value.text);
    setAsking(false);
  };
  if (batch.vouchersExported) return <span className="muted">Cards were exported once already.</span>;
  return (
    <>
      <button type="button" disabled={batch.counts.succeeded === 0} onClick={() => setAsking(true)}>
        Export cards (once)…
      </button>
      {asking && (
        <ConfirmDialog
          title="Export every card of this batch"
          danger
          confirmLabel="Export cards to a file"
          busy={busy}
          error={error}
          onConfirm={() => void exportNow()}
          onCancel={() => setAsking(false)}
        >
          <p>
            This fetches the card numbers and PINs of the batch’s {batch.counts.succeeded} successful orders from Hubble
            and saves them to a file you choose. Anyone with that file can spend the cards: keep it safe and delete it
            once delivered.
          </p>
          <p>It can be done once per batch, and it is recorded in the audit log.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** One batch: its dry run, then Run (confirmed once, naming the total), progress, pause/resume/cancel, results. */
export function BatchDetailView({ batch }: { batch: BatchDetail }) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const batches = useBatches.getState();
  const act = async (action: () => Promise<Result<unknown>>) => {
    setError(null);
    const result = await action();
    if (!result.ok) setError(result.error);
  };
  const downloadResult = async () => {
    const result = await batches.resultCsv(batch.batchId);
    if (result.ok) downloadText(result.value.fileName, result.value.csv, 'text/csv');
    else setError(result.error);
  };
  const open = (referenceId: string) => void useOrders.getState().openOrder({ referenceId });

  return (
    <section className="batch-detail" aria-label={`Batch ${batch.name}`}>
      <header className="order-detail__header">
        <h2>{batch.name}</h2>
        <span className={`batch-state batch-state--${batch.state}`}>{STATE_WORDS[batch.state]}</span>
      </header>
      {batch.pauseReason && (
        <p className="order-unknown" role="note">
          {batch.pauseReason}
        </p>
      )}
      {batch.state !== 'draft' && <Progress batch={batch} />}
      <div className="order-detail__actions" role="group" aria-label="Batch actions">
        {batch.state === 'draft' && (
          <button
            type="button"
            className="button-primary"
            disabled={batch.rowsValid === 0}
            onClick={() => void act(() => batches.run(batch))}
          >
            Run batch: {batch.rowsValid} {batch.rowsValid === 1 ? 'order' : 'orders'}, {formatPaise(batch.totalPaise)}
          </button>
        )}
        {batch.state === 'running' && (
          <button type="button" onClick={() => void act(() => batches.pause(batch.batchId))}>
            Pause
          </button>
        )}
        {batch.state === 'paused' && (
          <button
            type="button"
            className="button-primary"
            onClick={() => void act(() => batches.resume(batch.batchId))}
          >
            Resume
          </button>
        )}
        {(batch.state === 'draft' || batch.state === 'running' || batch.state === 'paused') && (
          <button type="button" onClick={() => void act(() => batches.cancel(batch.batchId))}>
            Cancel batch
          </button>
        )}
        {batch.state !== 'draft' && (
          <button type="button" onClick={() => void downloadResult()}>
            Download result CSV
          </button>
        )}
        {(batch.state === 'done' || batch.state === 'cancelled' || batch.state === 'paused') && (
          <ExportCards batch={batch} />
        )}
      </div>
      <OperationErrorMessage error={error} />
      <BatchReportView report={batch.report} />
      <h3 id="batch-rows-title">Rows</h3>
      {batch.rowsTotal > BATCH_ROWS_SHOWN && (
        <p className="muted">
          The first {BATCH_ROWS_SHOWN} of {batch.rowsTotal} rows; the result CSV has every one.
        </p>
      )}
      <table className="batch-table" aria-labelledby="batch-rows-title">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Your reference</th>
            <th scope="col">Brand</th>
            <th scope="col" className="order-amount">
              Amount
            </th>
            <th scope="col">Reference ID</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {batch.rows.map((row) => (
            <tr key={row.line} data-state={row.rowState}>
              <td>{row.line}</td>
              <td className="mono">{row.partnerReference ?? ''}</td>
              <td>{row.brandName ?? row.brandId ?? '—'}</td>
              <td className="order-amount">{formatPaise(row.amountPaise)}</td>
              <td>
                {row.referenceId && row.rowState !== 'pending' && row.rowState !== 'invalid' ? (
                  <button type="button" className="link-button mono" onClick={() => open(row.referenceId!)}>
                    {row.referenceId}
                  </button>
                ) : (
                  <span className="mono muted">{row.referenceId ?? ''}</span>
                )}
              </td>
              <td>
                {row.rowState === 'invalid'
                  ? `refused${row.issues[0]?.id ? ` (${row.issues[0].id})` : ''}`
                  : row.rowState === 'placed'
                    ? `${row.intentState && row.intentState !== 'resolved' ? 'UNKNOWN' : (row.orderStatus ?? '')}${row.errorId ? ` · ${row.errorId}` : ''}`
                    : row.rowState}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

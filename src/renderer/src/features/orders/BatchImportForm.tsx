import { useState, type FormEvent } from 'react';
import { MAX_BATCH_ROWS } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useBatches } from './batches-store.ts';

/** Step 1 of a batch: a CSV (file or pasted) → main's dry run. Nothing is sent to Hubble here. */
export function BatchImportForm() {
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    if (!name) setName(file.name.replace(/\.csv$/i, ''));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await useBatches.getState().importCsv(csv, name.trim() || undefined);
    setBusy(false);
    if (result.ok) {
      setCsv('');
      setFileName(null);
      setName('');
    } else setError(result.error);
  };

  return (
    <form className="batch-import" aria-labelledby="batch-import-title" onSubmit={(event) => void submit(event)}>
      <h2 id="batch-import-title">Import a batch</h2>
      <p className="muted">
        A CSV with a header row: <span className="mono">brand</span> (id or name), <span className="mono">amount</span>{' '}
        (₹) or <span className="mono">denominations</span>, <span className="mono">name</span>,{' '}
        <span className="mono">phone</span>, <span className="mono">email</span>,{' '}
        <span className="mono">reference</span>. Up to {MAX_BATCH_ROWS.toLocaleString('en-IN')} rows. Checking sends
        nothing.
      </p>
      <label>
        Batch CSV file
        <input type="file" accept=".csv,text/csv" onChange={(event) => void pick(event.target.files?.[0])} />
      </label>
      <details>
        <summary>…or paste the CSV</summary>
        <label>
          CSV text
          <textarea
            className="mono"
            rows={6}
            value={csv}
            onChange={(event) => {
              setCsv(event.target.value);
              setFileName(null);
            }}
          />
        </label>
      </details>
      {fileName && <p className="muted">{fileName}</p>}
      <label>
        Batch name (optional)
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" className="button-primary" disabled={busy || csv.trim() === ''}>
        {busy ? 'Checking every row…' : 'Check rows (dry run)'}
      </button>
      <OperationErrorMessage error={error} />
    </form>
  );
}

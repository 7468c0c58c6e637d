import { useState } from 'react';
import { copyText } from '../../clipboard.ts';
import { useCalls } from './calls-store.ts';
import { downloadText } from '../../components/download-text.ts';

/** The current search as CSV, built in main and handed over as text to download or copy. */
export function ExportCsvButton() {
  const [message, setMessage] = useState<string | null>(null);
  const exportCsv = async (how: 'download' | 'copy') => {
    const result = await useCalls.getState().exportCsv();
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    if (how === 'download') downloadText(result.value.fileName, result.value.csv, 'text/csv');
    else if (!(await copyText(result.value.csv))) return setMessage('Copy failed');
    setMessage(
      `${result.value.rows} rows ${how === 'copy' ? 'copied' : 'exported'}${result.value.truncated ? ' (the first 100,000; narrow the search for the rest)' : ''}.`,
    );
  };
  return (
    <span className="calls-export">
      <button type="button" onClick={() => void exportCsv('download')}>
        Export CSV
      </button>
      <button type="button" onClick={() => void exportCsv('copy')}>
        Copy CSV
      </button>
      {message && <span role="status">{message}</span>}
    </span>
  );
}

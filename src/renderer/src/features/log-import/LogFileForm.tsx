import type { FormEvent } from 'react';
import type { LogFormat } from '../../../../shared/contract/logImport.ts';
import { useLogImport } from './log-import-store.ts';

/**
 * The file to import, by its path on this machine (typed, or chosen in the desktop's file dialog): main reads it as
 * a stream (a log can be gigabytes), so the window never holds its contents.
 */
export function LogFileForm() {
  const path = useLogImport((state) => state.path);
  const format = useLogImport((state) => state.format);
  const previewing = useLogImport((state) => state.previewing);
  const choosing = useLogImport((state) => state.choosing);
  const dialogNote = useLogImport((state) => state.dialogNote);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void useLogImport.getState().loadPreview();
  };
  return (
    <form className="li-file" aria-label="Log file" onSubmit={onSubmit}>
      <label className="wh-field li-file__path">
        Log file path
        <input
          className="mono"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder="/var/log/partner/hubble-calls.jsonl"
          aria-describedby="li-file-hint"
          onChange={(event) => useLogImport.getState().setPath(event.target.value)}
        />
      </label>
      <button type="button" disabled={choosing} onClick={() => void useLogImport.getState().chooseFile()}>
        Choose file…
      </button>
      <label className="wh-field">
        Format
        <select
          value={format ?? ''}
          onChange={(event) => useLogImport.getState().setFormat((event.target.value || null) as LogFormat | null)}
        >
          <option value="">From the file name</option>
          <option value="jsonl">JSON lines</option>
          <option value="csv">CSV</option>
        </select>
      </label>
      <button type="submit" className="button-primary" disabled={previewing || path.trim() === ''}>
        {previewing ? 'Reading…' : 'Preview'}
      </button>
      {dialogNote && (
        <p role="status" className="wh-hint li-file__hint">
          {dialogNote}
        </p>
      )}
      <p id="li-file-hint" className="muted wh-hint li-file__hint">
        Choose the file, or paste the full path of your backend&apos;s log of Hubble calls (JSON lines or CSV). The
        preview shows the first 20 rows as they would be stored, already redacted: card numbers, PINs, tokens and
        secrets never are.
      </p>
    </form>
  );
}

import { useId, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { copyText } from '../../clipboard.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles, type ProfileExportFile } from './profiles-store.ts';

/** Share a configuration with the team as JSON. Secrets never travel: each console sets its own. */
export function TransferPanel() {
  const exportId = useId();
  const importId = useId();
  const exportProfiles = useProfiles((state) => state.exportAll);
  const importProfiles = useProfiles((state) => state.importJson);
  const [exported, setExported] = useState<ProfileExportFile | null>(null);
  const [incoming, setIncoming] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const exportAll = async () => {
    const result = await exportProfiles();
    setError(result.ok ? null : result.error);
    setExported(result.ok ? result.value : null);
  };

  const importJson = async () => {
    const result = await importProfiles(incoming);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setMessage(
        `Imported ${result.value.created.map((profile) => profile.name).join(', ')}. Set their secrets before testing them.`,
      );
      setIncoming('');
    }
  };

  const readFile = async (file: File | undefined) => {
    if (file) setIncoming(await file.text());
  };

  return (
    <section className="transfer" aria-labelledby={`${exportId}-title`}>
      <h2 id={`${exportId}-title`}>Share profiles</h2>
      <p className="muted">Exports hold settings only (environment, URL, clientId, limits); never a secret.</p>
      <p>
        <button type="button" onClick={() => void exportAll()}>
          Export all profiles as JSON
        </button>
      </p>
      {exported && (
        <p>
          <label htmlFor={exportId}>{exported.fileName}</label>
          <textarea
            id={exportId}
            className="mono"
            readOnly
            rows={8}
            value={exported.json}
            onFocus={(event) => event.target.select()}
          />
          <button type="button" onClick={() => void copyText(exported.json)}>
            Copy
          </button>
        </p>
      )}
      <p>
        <label htmlFor={importId}>Import JSON</label>
        <textarea
          id={importId}
          className="mono"
          rows={6}
          value={incoming}
          onChange={(event) => setIncoming(event.target.value)}
          placeholder="Paste an export here"
        />
      </p>
      <p>
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Choose a profile export file"
          onChange={(event) => void readFile(event.target.files?.[0])}
        />
        <button type="button" className="button-primary" disabled={!incoming.trim()} onClick={() => void importJson()}>
          Import
        </button>
      </p>
      {message && <p className="notice">{message}</p>}
      <OperationErrorMessage error={error} withPaths />
    </section>
  );
}

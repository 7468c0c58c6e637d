import { useEffect, useId, useState } from 'react';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { hubble } from '../../hubble.ts';
import { useProfiles } from './profiles-store.ts';

const describe = (details: Record<string, unknown>) =>
  Object.entries(details)
    .map(
      ([key, value]) =>
        `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(' · ');

/** Who changed what and when: every profile change, secret set/clear and production confirmation. */
export function AuditSection() {
  const titleId = useId();
  const list = useProfiles((state) => state.list);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [exported, setExported] = useState<{ fileName: string; text: string } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let current = true;
    void hubble()
      .audit.list({ limit: 100 })
      .then((result) => {
        if (!current) return;
        if (result.ok) setEntries(result.value.entries);
        setError(result.ok ? null : result.error);
      });
    return () => {
      current = false;
    };
  }, [list]);

  const exportAs = async (format: 'json' | 'csv') => {
    const result = await hubble().audit.export({ format });
    setError(result.ok ? null : result.error);
    setExported(result.ok ? result.value : null);
  };

  return (
    <section className="audit" aria-labelledby={titleId}>
      <h2 id={titleId}>Audit log</h2>
      <p>
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
      </p>
      {exported && (
        <p>
          <label htmlFor={`${titleId}-export`}>{exported.fileName}</label>
          <textarea
            id={`${titleId}-export`}
            className="mono"
            readOnly
            rows={6}
            value={exported.text}
            onFocus={(event) => event.target.select()}
          />
        </p>
      )}
      <OperationErrorMessage error={error} withPaths />
      <table aria-label="Audit entries">
        <thead>
          <tr>
            <th>When</th>
            <th>User</th>
            <th>Action</th>
            <th>Profile</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.user}</td>
              <td className="mono">{entry.action}</td>
              <td>{entry.profileName ?? '—'}</td>
              <td className="muted">{describe(entry.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { useEffect, useId } from 'react';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useAudit } from './audit-store.ts';
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
  const { entries, exported, error, load, exportAs } = useAudit();

  // Every profile change is audited, so a new profile list means new entries.
  useEffect(() => {
    void load();
  }, [list, load]);

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
            <th>When ({timeZoneLabel()})</th>
            <th>User</th>
            <th>Action</th>
            <th>Profile</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <DateTime at={entry.at} />
              </td>
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

import { useId, useState } from 'react';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import type { TeamLinkSettings, TeamStatus } from '../../../../shared/contract/team.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useTeam } from './team-store.ts';

const blank = (profile: Profile): TeamLinkSettings => ({
  url: '',
  tls: 'require',
  caCertPath: null,
  space: `${profile.environment}`,
  operator: '',
});

/**
 * Where the profile's team database is; the password is set below, straight into the keychain. The page keys this
 * form by the profile and its saved settings, so a profile switch or a saved change starts a fresh draft.
 */
export function TeamLinkForm({ profile, status }: { profile: Profile; status: TeamStatus }) {
  const id = useId();
  const [draft, setDraft] = useState<TeamLinkSettings>(status.settings ?? blank(profile));
  const [error, setError] = useState<AppErrorShape | null>(null);
  const { busy, configure } = useTeam();
  const edit = (patch: Partial<TeamLinkSettings>) => setDraft((current) => ({ ...current, ...patch }));
  const submit = async (enabled: boolean) => {
    const result = await configure(profile, enabled, draft);
    setError(result.ok ? null : result.error);
  };

  return (
    <form
      className="team-form"
      aria-label="Team database"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(true);
      }}
    >
      <label htmlFor={`${id}-url`}>PostgreSQL URL</label>
      <input
        id={`${id}-url`}
        className="mono"
        spellCheck={false}
        placeholder="postgres://hubble_console@db.example.com:5432/hubble_team"
        value={draft.url}
        onChange={(event) => edit({ url: event.target.value })}
      />
      <label htmlFor={`${id}-tls`}>TLS</label>
      <select
        id={`${id}-tls`}
        value={draft.tls}
        onChange={(event) => edit({ tls: event.target.value as TeamLinkSettings['tls'] })}
      >
        <option value="verify-full">Verify the certificate and host (verify-full)</option>
        <option value="require">Encrypt without verifying (require)</option>
        <option value="disable">No TLS (a database on this machine or a private network only)</option>
      </select>
      {draft.tls === 'verify-full' && (
        <>
          <label htmlFor={`${id}-ca`}>CA certificate (PEM file; empty: the system’s)</label>
          <input
            id={`${id}-ca`}
            className="mono"
            value={draft.caCertPath ?? ''}
            onChange={(event) => edit({ caCertPath: event.target.value || null })}
          />
        </>
      )}
      <label htmlFor={`${id}-space`}>Team space</label>
      <input
        id={`${id}-space`}
        className="mono"
        spellCheck={false}
        value={draft.space}
        onChange={(event) => edit({ space: event.target.value })}
        aria-describedby={`${id}-space-hint`}
      />
      <p id={`${id}-space-hint`} className="muted">
        The same name on every console of this environment. A space holds one environment only: a staging profile can
        never write into a production space.
      </p>
      <label htmlFor={`${id}-operator`}>Your name on shared rows</label>
      <input
        id={`${id}-operator`}
        value={draft.operator}
        onChange={(event) => edit({ operator: event.target.value })}
      />
      <div className="team-form__actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {status.enabled ? 'Save and reconnect' : 'Link this profile'}
        </button>
        {status.enabled && (
          <button type="button" disabled={busy} onClick={() => void submit(false)}>
            Unlink
          </button>
        )}
      </div>
      <OperationErrorMessage error={error} withPaths />
    </form>
  );
}

import { useId, useState } from 'react';
import type { Profile, SecretKind } from '../../../../shared/contract/profiles.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from './profiles-store.ts';

const LABELS: Record<SecretKind, string> = {
  clientSecret: 'Client secret',
  webhookSecret: 'Webhook secret',
  teamDbPassword: 'Team database password',
};

/** Write-only: a secret goes to main's keychain and the page only ever learns whether one is set. */
export function SecretsPanel({ profile }: { profile: Profile }) {
  if (profile.credentialSource === 'built-in') {
    return (
      <section className="secrets" aria-label={`Secrets of ${profile.name}`}>
        <h3>Secrets</h3>
        <p className="muted">The Simulator uses its own demo credentials; nothing is stored in your keychain.</p>
      </section>
    );
  }
  return (
    <section className="secrets" aria-label={`Secrets of ${profile.name}`}>
      <h3>Secrets (OS keychain)</h3>
      <SecretRow profile={profile} kind="clientSecret" />
      <SecretRow profile={profile} kind="webhookSecret" />
      <SecretRow profile={profile} kind="teamDbPassword" />
    </section>
  );
}

export function SecretRow({ profile, kind }: { profile: Profile; kind: SecretKind }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const setSecret = useProfiles((state) => state.setSecret);
  const clearSecret = useProfiles((state) => state.clearSecret);
  const status = profile.secrets[kind];

  const run = async (action: 'set' | 'clear') => {
    setBusy(true);
    const result = action === 'set' ? await setSecret(profile, kind, value) : await clearSecret(profile, kind);
    setBusy(false);
    setError(result.ok ? null : result.error);
    // The typed secret leaves the page as soon as main has it (or refused it).
    setValue('');
  };

  return (
    <form
      className="secret-row"
      aria-label={LABELS[kind]}
      onSubmit={(event) => {
        event.preventDefault();
        if (value) void run('set');
      }}
    >
      <label htmlFor={id}>{LABELS[kind]}</label>
      <span
        className={status.set ? 'secret-status secret-status--set' : 'secret-status'}
        data-testid={`${kind}-status`}
      >
        {status.set ? (
          <>
            Set
            {status.updatedAt && (
              <>
                {' · '}
                <DateTime at={status.updatedAt} withZone />
              </>
            )}
          </>
        ) : (
          'Not set'
        )}
      </span>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        placeholder={status.set ? 'Type a new value to replace it' : 'Paste the secret'}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="button-primary" disabled={busy || !value}>
        {status.set ? 'Replace' : 'Save'}
      </button>
      {status.set && (
        <button type="button" disabled={busy} onClick={() => void run('clear')}>
          Clear
        </button>
      )}
      <OperationErrorMessage error={error} withPaths />
    </form>
  );
}

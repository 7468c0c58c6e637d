import { useId } from 'react';
import type { SecretSourceState } from './webhooks-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { secretWhitespace } from './secret-whitespace.ts';

/**
 * A profile's webhook secret (read from the keychain in main) or a pasted one. A pasted secret goes to main
 * for this one call and is never stored or logged; a profile's never comes to this window at all.
 */
export function SecretSourcePicker({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: SecretSourceState;
  onChange(secret: SecretSourceState): void;
}) {
  const id = useId();
  const list = useProfiles((state) => state.list);
  const profiles = list?.profiles ?? [];
  const activeId = list?.activeProfileId;
  const profileId = value.kind === 'profile' ? value.profileId : (activeId ?? profiles[0]?.id ?? 'simulator');
  const pasted = value.kind === 'pasted' ? value.value : '';
  return (
    <fieldset className="wh-secret">
      <legend>{legend}</legend>
      <div className="wh-secret__row">
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={value.kind === 'profile'}
            onChange={() => onChange({ kind: 'profile', profileId })}
          />
          A profile's webhook secret
        </label>
        <span className="wh-secret__field">
          <label htmlFor={`${id}-profile`}>Profile</label>
          <select
            id={`${id}-profile`}
            value={profileId}
            disabled={value.kind !== 'profile'}
            onChange={(event) => onChange({ kind: 'profile', profileId: event.target.value })}
          >
            {profiles.map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name} ({profile.environment})
              </option>
            ))}
          </select>
        </span>
      </div>
      <div className="wh-secret__row">
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={value.kind === 'pasted'}
            onChange={() => onChange({ kind: 'pasted', value: pasted })}
          />
          Pasted secret
        </label>
        <span className="wh-secret__field">
          <label htmlFor={`${id}-pasted`}>Webhook secret</label>
          {/* A text area, not a one-line field: a one-line field drops line breaks, and a secret read from a
              file with its final newline is exactly the mistake the debugger has to be able to show. */}
          <textarea
            id={`${id}-pasted`}
            className="mono wh-secret__raw"
            rows={1}
            wrap="off"
            autoComplete="off"
            spellCheck={false}
            value={pasted}
            disabled={value.kind !== 'pasted'}
            aria-describedby={`${id}-invisible`}
            onChange={(event) => onChange({ kind: 'pasted', value: event.target.value })}
          />
        </span>
      </div>
      <InvisibleCharacters id={`${id}-invisible`} secret={value.kind === 'pasted' ? pasted : ''} />
      <p className="muted wh-hint">
        A pasted secret is used for this check only: never stored, never logged. It is sent exactly as pasted, line
        breaks, tabs and spaces included.
      </p>
    </fieldset>
  );
}

/** The pasted secret's invisible characters, marked (␍ ␊ ⇥ ·) over a masked copy: never the secret itself. */
function InvisibleCharacters({ id, secret }: { id: string; secret: string }) {
  const whitespace = secretWhitespace(secret);
  if (!whitespace)
    return (
      <p id={id} className="muted wh-hint">
        {secret ? 'No invisible characters in the pasted secret.' : ''}
      </p>
    );
  return (
    <div id={id} className="wh-secret__invisible" role="note" aria-label="Invisible characters in the secret">
      <p className="mono wh-secret__masked">{whitespace.masked}</p>
      <ul>
        {whitespace.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}

import { useId } from 'react';
import type { SecretSourceState } from './webhooks-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';

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
          <input
            id={`${id}-pasted`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={pasted}
            disabled={value.kind !== 'pasted'}
            onChange={(event) => onChange({ kind: 'pasted', value: event.target.value })}
          />
        </span>
      </div>
      <p className="muted wh-hint">A pasted secret is used for this check only: never stored, never logged.</p>
    </fieldset>
  );
}

import { useState } from 'react';
import type { Environment } from '../../../../shared/contract/profiles.ts';
import { useProfiles } from './profiles-store.ts';

const ENVIRONMENT_NAMES: Record<Environment, string> = {
  simulator: 'simulated',
  staging: 'staging',
  production: 'PRODUCTION',
  custom: 'custom',
};

/** Always in the title bar: which profile the whole console works on, and the way to change it. */
export function ProfileSwitcher() {
  const list = useProfiles((state) => state.list);
  const setActive = useProfiles((state) => state.setActive);
  const [error, setError] = useState<string | null>(null);
  if (!list) return null;

  const switchTo = async (profileId: string) => {
    const result = await setActive(profileId);
    setError(result.ok ? null : result.error.message);
  };

  return (
    <span className="profile-switcher">
      <select
        aria-label="Switch profile"
        value={list.activeProfileId}
        onChange={(event) => void switchTo(event.target.value)}
      >
        {list.profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name} ({ENVIRONMENT_NAMES[profile.environment]})
          </option>
        ))}
      </select>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

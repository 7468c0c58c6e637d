import { useId } from 'react';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import { checkableProfiles, counterpartsOf, useGoLive } from './go-live-store.ts';

const envWord = (profile: Profile) => (profile.environment === 'production' ? 'production' : 'staging rehearsal');

/** Which profile to check (production, or staging as a rehearsal) and which of the other environment to compare with. */
export function RunControls({ profiles }: { profiles: readonly Profile[] }) {
  const profileId = useGoLive((state) => state.profileId);
  const counterpartId = useGoLive((state) => state.counterpartId);
  const running = useGoLive((state) => state.running);
  const profileField = useId();
  const counterpartField = useId();
  const checkable = checkableProfiles(profiles);
  const profile = checkable.find((candidate) => candidate.id === profileId) ?? null;
  const counterparts = counterpartsOf(profile, profiles);
  const choose = (id: string) => {
    const next = checkable.find((candidate) => candidate.id === id) ?? null;
    void useGoLive.getState().choose(next?.id ?? null, counterpartsOf(next, profiles)[0]?.id ?? null);
  };
  if (checkable.length === 0) {
    return (
      <p className="notice" role="status">
        Create a Production profile (or a Staging one to rehearse) on the Profiles page first.
      </p>
    );
  }
  return (
    <form
      className="go-live-controls"
      onSubmit={(event) => {
        event.preventDefault();
        void useGoLive.getState().runChecklist();
      }}
    >
      <label htmlFor={profileField}>Check</label>
      <select id={profileField} value={profileId ?? ''} onChange={(event) => choose(event.target.value)}>
        {checkable.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} ({envWord(candidate)})
          </option>
        ))}
      </select>
      <label htmlFor={counterpartField}>
        Compare with ({profile?.environment === 'production' ? 'staging' : 'production'})
      </label>
      <select
        id={counterpartField}
        value={counterpartId ?? ''}
        onChange={(event) => useGoLive.getState().setCounterpart(event.target.value || null)}
      >
        <option value="">None</option>
        {counterparts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button-primary" disabled={running || !profile}>
        {running ? 'Checking…' : 'Run the checklist'}
      </button>
    </form>
  );
}

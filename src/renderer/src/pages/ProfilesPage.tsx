import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { useProfiles } from '../stores/profiles.ts';

export function ProfilesPage() {
  const list = useProfiles((state) => state.list);
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Profiles</h1>
      <ul className="profile-list" aria-label="Profiles">
        {list?.profiles.map((profile) => (
          <li key={profile.id} aria-current={profile.id === list.activeProfileId ? 'true' : undefined}>
            <span className="title-bar__swatch" style={{ background: profile.colour }} aria-hidden="true" />
            <strong>{profile.name}</strong> <EnvironmentBadge environment={profile.environment} />
            <span className="mono muted"> {profile.baseUrl}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

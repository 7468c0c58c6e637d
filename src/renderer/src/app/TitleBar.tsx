import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { useProfiles } from '../stores/profiles.ts';

export function TitleBar() {
  const profile = useProfiles((state) => state.active());
  return (
    <header className="title-bar" role="banner" style={profile ? { borderBottomColor: profile.colour } : undefined}>
      <span className="title-bar__product">Hubble Ops Console</span>
      {profile && (
        <span className="title-bar__profile" aria-label="Active profile">
          <span className="title-bar__swatch" style={{ background: profile.colour }} aria-hidden="true" />
          <strong>{profile.name}</strong>
          <EnvironmentBadge environment={profile.environment} />
        </span>
      )}
    </header>
  );
}

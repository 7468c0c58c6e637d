import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { ProductionConfirmDialog } from '../components/ProductionConfirmDialog.tsx';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher.tsx';
import { useProfiles } from '../features/profiles/profiles-store.ts';
import '../components/chrome.css';

export function TitleBar() {
  const profile = useProfiles((state) => state.active());
  const production = profile?.environment === 'production';
  return (
    <header className="title-bar" role="banner" style={profile ? { borderBottomColor: profile.colour } : undefined}>
      <span className="title-bar__product">Hubble Ops Console</span>
      {production && (
        <strong className="production-banner" aria-label="Production warning">
          PRODUCTION · real money · {profile.name}
        </strong>
      )}
      {profile && (
        // The operator picks the profile's colour freely: it marks the swatch and the border, never text, so the
        // name keeps its contrast in both themes.
        <span className="title-bar__profile" aria-label="Active profile">
          <span className="title-bar__swatch" style={{ background: profile.colour }} aria-hidden="true" />
          <strong>{profile.name}</strong>
          <EnvironmentBadge environment={profile.environment} />
        </span>
      )}
      <ProfileSwitcher />
      <ProductionConfirmDialog />
    </header>
  );
}

import { EnvironmentBadge } from '../components/EnvironmentBadge.tsx';
import { ProductionConfirmDialog } from '../components/ProductionConfirmDialog.tsx';
import { ProfileSwitcher } from '../components/ProfileSwitcher.tsx';
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
        <span
          className="title-bar__profile"
          aria-label="Active profile"
          style={{ color: production ? undefined : profile.colour }}
        >
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

import type { Profile } from '../../../../shared/contract/profiles.ts';
import { EnvironmentBadge } from '../../components/EnvironmentBadge.tsx';
import { ConnectionTestPanel } from './ConnectionTestPanel.tsx';
import { SecretsPanel } from './SecretsPanel.tsx';

interface Props {
  profile: Profile;
  active: boolean;
  expanded: boolean;
  onToggle(): void;
  onActivate(): void;
  onEdit(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function ProfileItem({ profile, active, expanded, ...on }: Props) {
  return (
    <li
      className={`profile-item profile-item--${profile.environment}`}
      aria-current={active ? 'true' : undefined}
      aria-label={profile.name}
    >
      <div className="profile-item__summary">
        <span className="title-bar__swatch" style={{ background: profile.colour }} aria-hidden="true" />
        <strong>{profile.name}</strong> <EnvironmentBadge environment={profile.environment} />
        {active && <span className="profile-item__active">Active</span>}
        <span className="mono muted"> {profile.baseUrl}</span>
        <span className="mono muted">clientId {profile.clientId}</span>
        {profile.credentialSource === 'keychain' && !profile.secrets.clientSecret.set && (
          <span className="secret-missing">No client secret yet</span>
        )}
      </div>
      <div className="profile-item__actions">
        {!active && (
          <button type="button" onClick={on.onActivate}>
            Switch to
          </button>
        )}
        <button type="button" aria-expanded={expanded} onClick={on.onToggle}>
          {expanded ? 'Hide details' : 'Secrets & test'}
        </button>
        <button type="button" onClick={on.onEdit}>
          Edit
        </button>
        {!profile.builtIn && (
          <>
            <button type="button" onClick={on.onDuplicate}>
              Duplicate
            </button>
            <button type="button" className="button-danger" onClick={on.onDelete}>
              Delete
            </button>
          </>
        )}
      </div>
      {expanded && (
        <div className="profile-item__details">
          <SecretsPanel profile={profile} />
          {/* A new secret makes an old test result stale: start the panel afresh. */}
          <ConnectionTestPanel key={profile.secrets.clientSecret.updatedAt ?? 'no-secret'} profile={profile} />
        </div>
      )}
    </li>
  );
}

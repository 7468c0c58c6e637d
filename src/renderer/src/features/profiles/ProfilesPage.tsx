import { useState } from 'react';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from './profiles-store.ts';
import { AuditSection } from './AuditSection.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import { ProfileItem } from './ProfileItem.tsx';
import { TransferPanel } from './TransferPanel.tsx';
import './profiles.css';

type Editing = { mode: 'create' } | { mode: 'edit'; profile: Profile } | null;

export function ProfilesPage() {
  const list = useProfiles((state) => state.list);
  const setActive = useProfiles((state) => state.setActive);
  const duplicate = useProfiles((state) => state.duplicate);
  const removeProfile = useProfiles((state) => state.remove);
  const [editing, setEditing] = useState<Editing>(null);
  const [expandedId, setExpandedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Profile | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const after = (result: { ok: true } | { ok: false; error: AppErrorShape }, success: string) => {
    setError(result.ok ? null : result.error);
    setNotice(result.ok ? success : null);
  };

  const remove = async (profile: Profile) => {
    setDeleting(null);
    after(await removeProfile(profile), `Deleted “${profile.name}”, its secrets and its history.`);
  };

  return (
    <section aria-labelledby="page-title" className="page profiles-page">
      <h1 id="page-title">Profiles</h1>
      <p>
        <button
          type="button"
          className="button-primary"
          onClick={() => setEditing({ mode: 'create' })}
          disabled={editing !== null}
        >
          New profile
        </button>
      </p>
      {editing && (
        <ProfileForm
          key={editing.mode === 'edit' ? editing.profile.id : 'new'}
          profile={editing.mode === 'edit' ? editing.profile : null}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              setExpandedId(saved.id);
              setNotice(`Saved “${saved.name}”.`);
            }
          }}
        />
      )}
      {notice && <p className="notice">{notice}</p>}
      <OperationErrorMessage error={error} withPaths />
      <ul className="profile-list" aria-label="Profiles">
        {list?.profiles.map((profile) => (
          <ProfileItem
            key={profile.id}
            profile={profile}
            active={profile.id === list.activeProfileId}
            expanded={expandedId === profile.id}
            onToggle={() => setExpandedId(expandedId === profile.id ? null : profile.id)}
            onActivate={() =>
              void setActive(profile.id).then((result) => after(result, `Switched to “${profile.name}”.`))
            }
            onEdit={() => setEditing({ mode: 'edit', profile })}
            onDuplicate={() =>
              void duplicate(profile.id).then((result) =>
                after(result, `Duplicated “${profile.name}” (without its secrets).`),
              )
            }
            onDelete={() => (profile.environment === 'production' ? void remove(profile) : setDeleting(profile))}
          />
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          danger
          confirmLabel="Delete profile"
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            This removes the profile, its secrets from your keychain and its whole history (calls, orders, wallet
            samples). It cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      <TransferPanel />
      <AuditSection />
    </section>
  );
}

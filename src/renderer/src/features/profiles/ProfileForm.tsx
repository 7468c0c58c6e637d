import { useEffect, useId, useState } from 'react';
import type { Profile } from '../../../../shared/contract/profiles.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from './profiles-store.ts';
import {
  fixedUrlOf,
  formStateOfProfile,
  newProfileForm,
  settingsOf,
  type ProfileFormState,
} from './profile-form-state.ts';
import { RateLimitsEditor } from './RateLimitsEditor.tsx';
import { SimulatorWebhookUrlsFields } from './SimulatorWebhookUrlsFields.tsx';
import {
  draftOfSimulatorWebhookUrls,
  simulatorWebhookUrlsOf,
  type SimulatorWebhookUrlsDraft,
} from './simulator-webhook-urls-draft.ts';
import { useSimulatorWebhookUrls } from './simulator-webhook-urls-store.ts';

interface Props {
  /** null: create a new profile */
  profile: Profile | null;
  onDone(profile: Profile | null): void;
}

/** Create or edit a profile. The environment is chosen once; the Simulator only has monitoring settings. */
export function ProfileForm({ profile, onDone }: Props) {
  const id = useId();
  const [form, setForm] = useState<ProfileFormState>(() =>
    profile ? formStateOfProfile(profile) : newProfileForm('staging'),
  );
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const save = useProfiles((state) => state.save);
  const simulator = profile?.builtIn === true;
  const set = (change: Partial<ProfileFormState>) => setForm((current) => ({ ...current, ...change }));
  const fixedUrl = fixedUrlOf(form.environment);
  // The Simulator's webhook URLs live with its receiver (receiver.simulatorWebhookUrls), saved with the form.
  const [webhookUrls, setWebhookUrls] = useState<SimulatorWebhookUrlsDraft | null>(null);
  useEffect(() => {
    if (!simulator) return;
    void useSimulatorWebhookUrls
      .getState()
      .load()
      .then((result) => {
        if (result.ok) setWebhookUrls(draftOfSimulatorWebhookUrls(result.value.urls));
        else setError(result.error);
      });
  }, [simulator]);

  const submit = async () => {
    setBusy(true);
    const urls = webhookUrls && simulatorWebhookUrlsOf(webhookUrls);
    if (urls && JSON.stringify(urls) !== JSON.stringify(useSimulatorWebhookUrls.getState().urls)) {
      const saved = await useSimulatorWebhookUrls.getState().save(urls);
      if (!saved.ok) {
        setBusy(false);
        setError(saved.error);
        return;
      }
    }
    const result = await save(profile, settingsOf(form));
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form
      className="profile-form"
      aria-label={profile ? `Edit ${profile.name}` : 'New profile'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{profile ? `Edit “${profile.name}”` : 'New profile'}</h2>
      {!simulator && (
        <>
          <fieldset className="environment-choice" disabled={profile !== null}>
            <legend>Environment{profile ? ' (fixed once created, so histories never mix)' : ''}</legend>
            {(['staging', 'production', 'custom'] as const).map((environment) => (
              <label
                key={environment}
                className={`environment-choice__option environment-choice__option--${environment}`}
              >
                <input
                  type="radio"
                  name={field('environment')}
                  value={environment}
                  checked={form.environment === environment}
                  onChange={() =>
                    setForm((current) => ({
                      ...newProfileForm(environment),
                      name: current.name,
                      clientId: current.clientId,
                    }))
                  }
                />
                {environment === 'staging'
                  ? 'Staging'
                  : environment === 'production'
                    ? 'Production'
                    : 'Custom base URL'}
              </label>
            ))}
          </fieldset>
          <p>
            <label htmlFor={field('name')}>Name</label>
            <input
              id={field('name')}
              value={form.name}
              onChange={(event) => set({ name: event.target.value })}
              required
              maxLength={60}
            />
          </p>
          <p>
            <label htmlFor={field('baseUrl')}>Base URL</label>
            {fixedUrl ? (
              <input id={field('baseUrl')} value={fixedUrl} readOnly className="mono" />
            ) : (
              <input
                id={field('baseUrl')}
                className="mono"
                value={form.baseUrl}
                placeholder="https://hubble-proxy.example.com"
                onChange={(event) => set({ baseUrl: event.target.value })}
              />
            )}
          </p>
          <p>
            <label htmlFor={field('clientId')}>clientId</label>
            <input
              id={field('clientId')}
              className="mono"
              value={form.clientId}
              onChange={(event) => set({ clientId: event.target.value })}
              autoComplete="off"
              spellCheck={false}
            />
          </p>
        </>
      )}
      <p>
        <label htmlFor={field('colour')}>Colour</label>
        <input
          id={field('colour')}
          type="color"
          value={form.colour}
          onChange={(event) => set({ colour: event.target.value })}
        />
      </p>
      <p>
        <label htmlFor={field('walletMinimum')}>Wallet minimum for alerts (₹)</label>
        <input
          id={field('walletMinimum')}
          inputMode="decimal"
          placeholder="no alert"
          value={form.walletMinimum}
          onChange={(event) => set({ walletMinimum: event.target.value })}
        />
      </p>
      <fieldset>
        <legend>Polling</legend>
        <p>
          <label htmlFor={field('walletSecs')}>Wallet balance every (seconds)</label>
          <input
            id={field('walletSecs')}
            inputMode="numeric"
            value={form.walletSecs}
            onChange={(event) => set({ walletSecs: event.target.value })}
          />
        </p>
        <p>
          <label htmlFor={field('processingOrdersSecs')}>PROCESSING orders every (seconds)</label>
          <input
            id={field('processingOrdersSecs')}
            inputMode="numeric"
            value={form.processingOrdersSecs}
            onChange={(event) => set({ processingOrdersSecs: event.target.value })}
          />
        </p>
        <p>
          <label htmlFor={field('catalogSyncHours')}>Catalog sync every (hours)</label>
          <input
            id={field('catalogSyncHours')}
            inputMode="numeric"
            value={form.catalogSyncHours}
            onChange={(event) => set({ catalogSyncHours: event.target.value })}
          />
        </p>
      </fieldset>
      <fieldset>
        <legend>Webhook receiver</legend>
        <p>
          <label>
            <input
              type="checkbox"
              checked={form.webhookEnabled}
              onChange={(event) => set({ webhookEnabled: event.target.checked })}
            />{' '}
            Receive webhooks on this machine
          </label>
        </p>
        <p>
          <label htmlFor={field('webhookPort')}>Port</label>
          <input
            id={field('webhookPort')}
            inputMode="numeric"
            value={form.webhookPort}
            onChange={(event) => set({ webhookPort: event.target.value })}
          />
        </p>
      </fieldset>
      {webhookUrls && <SimulatorWebhookUrlsFields draft={webhookUrls} onChange={setWebhookUrls} />}
      <RateLimitsEditor limits={form.rateLimits} onChange={(rateLimits) => set({ rateLimits })} />
      <OperationErrorMessage error={error} withPaths />
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {profile ? 'Save changes' : 'Create profile'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </p>
    </form>
  );
}

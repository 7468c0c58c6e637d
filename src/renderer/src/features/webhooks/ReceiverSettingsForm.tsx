import { useState, type FormEvent } from 'react';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import type { ReceiverSettings } from '../../../../shared/contract/receiver.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { isLoopback, useReceived } from './received-store.ts';

interface Draft {
  bindAddress: string;
  port: string;
  maxBodyKb: string;
  ratePerMinute: string;
  hubbleAddressesOnly: boolean;
  trustedProxies: string;
}

const draftOf = (settings: ReceiverSettings, port: number): Draft => ({
  bindAddress: settings.bindAddress,
  port: String(port),
  maxBodyKb: String(Math.round(settings.maxBodyBytes / 1024)),
  ratePerMinute: String(settings.ratePerMinute),
  hubbleAddressesOnly: settings.hubbleAddressesOnly,
  trustedProxies: settings.trustedProxies.join(', '),
});

// Text that is not a number becomes NaN, which main refuses with a field message: nothing is guessed here.
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** The receiver's settings; an address beyond loopback needs the exposure warning acknowledged first. */
export function ReceiverSettingsForm() {
  const status = useReceived((state) => state.status);
  const port = useProfiles((state) => state.active()?.webhookReceiver.port);
  if (!status || port === undefined) return null;
  const initial = draftOf(status.settings, port);
  return (
    <details className="wh-panel rx-settings">
      <summary>
        <h2 id="rx-settings-title">Receiver settings</h2>
      </summary>
      {/* A new key when main's settings change (a save, another window): the form starts again from them. */}
      <SettingsForm key={JSON.stringify(initial)} initial={initial} />
    </details>
  );
}

function SettingsForm({ initial }: { initial: Draft }) {
  const saving = useReceived((state) => state.settingsSaving);
  const error = useReceived((state) => state.settingsError);
  const saved = useReceived((state) => state.settingsSaved);
  const [draft, setDraft] = useState<Draft>(initial);
  const [acknowledged, setAcknowledged] = useState(false);

  const exposed = !isLoopback(draft.bindAddress.trim());
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    useReceived.setState({ settingsSaved: false });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void useReceived.getState().saveSettings({
      port: numberOf(draft.port),
      acknowledgeExposure: acknowledged,
      settings: {
        bindAddress: draft.bindAddress.trim(),
        maxBodyBytes: numberOf(draft.maxBodyKb) * 1024,
        ratePerMinute: numberOf(draft.ratePerMinute),
        hubbleAddressesOnly: draft.hubbleAddressesOnly,
        trustedProxies: draft.trustedProxies
          .split(/[\s,]+/)
          .map((address) => address.trim())
          .filter(Boolean),
      },
    });
  };

  return (
    <>
      <form className="rx-settings__form" aria-labelledby="rx-settings-title" onSubmit={onSubmit}>
        <label className="wh-field">
          Bind address
          <input
            className="mono"
            value={draft.bindAddress}
            spellCheck={false}
            onChange={(event) => {
              change({ bindAddress: event.target.value });
              setAcknowledged(false);
            }}
          />
        </label>
        <label className="wh-field">
          Port
          <input
            className="mono"
            inputMode="numeric"
            value={draft.port}
            onChange={(event) => change({ port: event.target.value })}
          />
        </label>
        <label className="wh-field">
          Body size limit (KB)
          <input
            inputMode="numeric"
            value={draft.maxBodyKb}
            onChange={(event) => change({ maxBodyKb: event.target.value })}
          />
        </label>
        <label className="wh-field">
          Deliveries a minute per source
          <input
            inputMode="numeric"
            value={draft.ratePerMinute}
            onChange={(event) => change({ ratePerMinute: event.target.value })}
          />
        </label>
        <label className="wh-field rx-settings__wide">
          Trusted proxies (X-Forwarded-For is read only from these)
          <input
            className="mono"
            value={draft.trustedProxies}
            placeholder="none"
            spellCheck={false}
            onChange={(event) => change({ trustedProxies: event.target.value })}
          />
        </label>
        <label className="wh-check rx-settings__wide">
          <input
            type="checkbox"
            checked={draft.hubbleAddressesOnly}
            onChange={(event) => change({ hubbleAddressesOnly: event.target.checked })}
          />
          Accept only Hubble&apos;s production addresses (35.200.156.199, 34.47.147.244, 34.14.138.52)
        </label>
        {exposed && (
          <div className="rx-warning rx-settings__wide" role="alert" aria-label="Exposure warning">
            <p>
              <strong>{draft.bindAddress || 'This address'} exposes the receiver to the network.</strong> Anyone who can
              reach this machine can send to it. Put a reverse proxy or a tunnel (HTTPS) in front, and keep the
              allow-list of Hubble&apos;s addresses on.
            </p>
            <label className="wh-check">
              <input
                type="checkbox"
                checked={acknowledged}
                onChange={(event) => setAcknowledged(event.target.checked)}
              />
              I understand: a reverse proxy or tunnel is in front of this address
            </label>
          </div>
        )}
        <div className="rx-settings__actions rx-settings__wide">
          <button type="submit" className="button-primary" disabled={saving || (exposed && !acknowledged)}>
            {saving ? 'Saving…' : 'Save receiver settings'}
          </button>
          {saved && (
            <span role="status" className="rx-saved">
              Saved.
            </span>
          )}
        </div>
      </form>
      <OperationErrorMessage error={error} withPaths />
    </>
  );
}

import { DateTime } from '../../components/DateTime.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { useReceived } from './received-store.ts';
import { typeWords, VERDICT_WORDS } from './received-words.ts';

const STATE_WORDS = { off: 'Off', starting: 'Starting…', listening: 'Listening', failed: 'Could not listen' } as const;

/** On or off, where it listens and the last delivery: what an operator checks before asking Hubble anything. */
export function ReceiverStatusPanel() {
  const status = useReceived((state) => state.status);
  const statusError = useReceived((state) => state.statusError);
  const lastEvent = useReceived((state) => state.lastEvent);
  const switching = useReceived((state) => state.switching);
  const profile = useProfiles((state) => state.active());
  const enabled = status?.enabled ?? profile?.webhookReceiver.enabled ?? false;
  const port = profile?.webhookReceiver.port;
  const path = profile ? `/hubble/${profile.id}` : null;

  return (
    <section className="wh-panel rx-status" aria-labelledby="rx-status-title">
      <div className="rx-status__head">
        <h2 id="rx-status-title">Receiver</h2>
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-label="Webhook receiver on"
          className={enabled ? 'button-primary' : undefined}
          disabled={switching || !profile}
          onClick={() => void useReceived.getState().setEnabled(!enabled)}
        >
          {switching ? 'Switching…' : enabled ? 'On — turn off' : 'Off — turn on'}
        </button>
      </div>
      <dl className="rx-facts">
        <dt>State</dt>
        <dd role="status" aria-label="Receiver state" data-state={status?.state ?? 'off'}>
          {status ? STATE_WORDS[status.state] : '…'}
          {status?.error ? `: ${status.error}` : ''}
        </dd>
        <dt>Endpoint</dt>
        <dd className="mono" aria-label="Receiver URL">
          {status?.url ?? `${status?.settings.bindAddress ?? '127.0.0.1'}:${port ?? '…'}${path ?? ''} (when on)`}
        </dd>
        <dt>Bind address</dt>
        <dd className="mono">{status?.settings.bindAddress ?? '…'}</dd>
        <dt>Port</dt>
        <dd className="mono">{port ?? '…'}</dd>
        <dt>Path</dt>
        <dd className="mono">{path ?? '…'}</dd>
        <dt>Last event</dt>
        <dd aria-label="Last event">
          {lastEvent ? (
            <>
              <DateTime at={lastEvent.receivedAt} withZone /> · {typeWords(lastEvent.type)} ·{' '}
              {VERDICT_WORDS[lastEvent.verdict]}
            </>
          ) : (
            'None yet'
          )}
        </dd>
        {status && status.pending > 0 && (
          <>
            <dt>Waiting to be applied</dt>
            <dd>{status.pending}</dd>
          </>
        )}
      </dl>
      {profile?.environment === 'simulator' && (
        <p className="muted wh-hint">
          On the Simulator profile, turning the receiver on points the embedded simulator&apos;s webhooks at it: a
          PROCESSING order that settles arrives here signed, over real HTTP.
        </p>
      )}
      <OperationErrorMessage error={statusError} />
    </section>
  );
}

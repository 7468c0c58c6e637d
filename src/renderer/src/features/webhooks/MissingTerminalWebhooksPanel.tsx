import { useEffect } from 'react';
import { DateTime } from '../../components/DateTime.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { useMissingWebhooks } from './missing-webhooks-store.ts';

const SEEN_BY = { poll: 'Polling', lookup: 'Lookup' } as const;

/**
 * Orders the console saw settle by polling whose "Order Reached Terminal State" webhook never came. Hubble does not
 * retry a delivery, so each one is lost for good: the operator's lead is the endpoint set in Hubble's portal.
 */
export function MissingTerminalWebhooksPanel() {
  const profileId = useProfiles((state) => state.active()?.id);
  const report = useMissingWebhooks((state) => state.report);
  const error = useMissingWebhooks((state) => state.error);
  const loading = useMissingWebhooks((state) => state.loading);

  useEffect(() => {
    void useMissingWebhooks.getState().load();
  }, [profileId]);

  const graceMinutes = report ? Math.round(report.graceMs / 60_000) : 10;

  return (
    <section className="wh-panel rx-missing" aria-labelledby="rx-missing-title">
      <div className="rx-status__head">
        <h2 id="rx-missing-title">Terminal state seen by polling, webhook never arrived</h2>
        <button type="button" disabled={loading} onClick={() => void useMissingWebhooks.getState().load()}>
          {loading ? 'Checking…' : 'Check again'}
        </button>
      </div>
      <p className="wh-hint">
        Hubble does not retry webhook deliveries. These orders reached a terminal state that the console learnt by
        polling or a lookup, but their &ldquo;Order Reached Terminal State&rdquo; webhook never reached this receiver.
        Check the webhook endpoint configured in Hubble&rsquo;s portal (and any proxy or tunnel in front of this
        receiver). Orders settled in the last {graceMinutes} minutes are not judged yet: their webhook may still be on
        its way.
      </p>
      <OperationErrorMessage error={error} />
      {report && report.listeningSince === null ? (
        <p role="status">The receiver has never listened for this profile, so no webhook could have arrived yet.</p>
      ) : null}
      {report && report.listeningSince !== null && report.orders.length === 0 ? (
        <p role="status">
          None: every order seen settling since the receiver first listened (
          <DateTime at={report.listeningSince} withZone />) also arrived as a webhook.
        </p>
      ) : null}
      {report && report.orders.length > 0 ? (
        <table className="rx-missing__table" aria-label="Orders without a terminal-state webhook">
          <thead>
            <tr>
              <th scope="col">Order ID</th>
              <th scope="col">Reference ID</th>
              <th scope="col">Status</th>
              <th scope="col">Settled</th>
              <th scope="col">Seen by</th>
            </tr>
          </thead>
          <tbody>
            {report.orders.map((order) => (
              <tr key={order.orderId}>
                <td className="mono">{order.orderId}</td>
                <td className="mono">{order.referenceId ?? '—'}</td>
                <td>{order.status}</td>
                <td>
                  <DateTime at={order.settledAt} withZone />
                </td>
                <td>{SEEN_BY[order.source]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

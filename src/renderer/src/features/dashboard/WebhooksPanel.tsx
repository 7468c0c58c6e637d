import { formatCount, formatRate } from '../../components/chart-format.ts';
import type { WebhookHealth } from './dashboard-store.ts';
import { GoButton } from '../../components/GoButton.tsx';
import { EmptyState, Panel } from '../../components/Panel.tsx';
import { countWebhooks } from './webhook-health.ts';
import { WEBHOOK_SAMPLE_LIMIT } from './dashboard-store.ts';

/** Webhooks received and applied by this profile's receiver in the range; says so plainly when none runs. */
export function WebhooksPanel({ webhooks }: { webhooks: WebhookHealth | null }) {
  const status = webhooks?.status ?? null;
  const running = status?.state === 'listening';
  const counts = countWebhooks(webhooks?.events ?? []);
  return (
    <Panel
      id="panel-webhooks"
      title="Webhook delivery"
      subtitle={running ? `Receiver listening at ${status?.url ?? ''}` : undefined}
      empty={
        !running ? (
          <EmptyState>
            <p>
              <strong>No webhook receiver runs for this profile</strong>
              {status?.state === 'failed' && status.error ? ` (it failed to start: ${status.error})` : ''}, so no
              delivery is counted.
            </p>
            <p>
              Turn it on in <GoButton area="webhooks">Webhooks</GoButton> to see the delivery rate, bad signatures and
              events that were not applied.
            </p>
          </EmptyState>
        ) : counts.received === 0 ? (
          <EmptyState>The receiver is listening; no webhook arrived in this range.</EmptyState>
        ) : undefined
      }
    >
      <dl className="stat-row">
        <div>
          <dt>Delivered</dt>
          <dd className={counts.rate !== null && counts.rate < 0.99 ? 'text-warning' : 'text-ok'}>
            {formatRate(counts.rate)}
          </dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatCount(counts.received)}</dd>
        </div>
        <div>
          <dt>Refused</dt>
          <dd className={counts.refused ? 'text-danger' : undefined}>
            {formatCount(counts.refused)}
            {counts.badSignature > 0 && (
              <span className="muted"> ({formatCount(counts.badSignature)} bad X-Verify)</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Not applied</dt>
          <dd className={counts.failed ? 'text-danger' : undefined}>{formatCount(counts.failed)}</dd>
        </div>
      </dl>
      {webhooks?.capped && (
        <p className="muted">Counted over the newest {formatCount(WEBHOOK_SAMPLE_LIMIT)} events of the range.</p>
      )}
    </Panel>
  );
}

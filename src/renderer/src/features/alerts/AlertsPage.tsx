import { useEffect, useState } from 'react';
import type { AlertRule } from '../../../../shared/contract/alerts.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useNow } from '../../components/use-now.ts';
import { useDashboard } from '../dashboard/dashboard-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { describeCondition, formatValue, KIND_WORDS, STATE_WORDS } from './alert-words.ts';
import { useAlerts } from './alerts-store.ts';
import { RuleEditor } from './RuleEditor.tsx';
import '../dashboard/dashboard.css';
import './alerts.css';

const SNOOZE_CHOICES = [
  { minutes: 15, label: '15 min' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: 1440, label: '1 day' },
] as const;

const EVENT_WORDS: Record<string, string> = {
  pending: 'Pending',
  fired: 'Fired',
  renotified: 'Reminded',
  resolved: 'Resolved',
  cleared: 'Cleared (never fired)',
  acknowledged: 'Acknowledged',
  snoozed: 'Snoozed',
};

function StateBadge({ state }: { state: AlertRule['state'] }) {
  return <span className={`alert-state alert-state--${state}`}>{STATE_WORDS[state]}</span>;
}

function ActiveAlert({ rule }: { rule: AlertRule }) {
  const [snooze, setSnooze] = useState('60');
  const alerts = useAlerts();
  const now = useNow(30_000);
  const snoozed = rule.snoozedUntil !== null && rule.snoozedUntil > now;
  const explain = () =>
    void useDashboard.getState().explain(rule.since - 15 * 60_000, Math.max(now, rule.since + 60_000), {
      ruleName: rule.name,
      message: `${KIND_WORDS[rule.condition.kind]}: ${formatValue(rule.condition.kind, rule.value)} (${describeCondition(rule.condition)})`,
    });
  return (
    <li className={`active-alert active-alert--${rule.state}`} aria-label={`${rule.name}: ${STATE_WORDS[rule.state]}`}>
      <div className="active-alert__head">
        <StateBadge state={rule.state} />
        <strong>{rule.name}</strong>
        <span className="muted">
          since <DateTime at={rule.since} />
        </span>
      </div>
      <p className="active-alert__what">
        Now <strong>{formatValue(rule.condition.kind, rule.value)}</strong> — {describeCondition(rule.condition)}
        {rule.acknowledgedAt !== null && ' · acknowledged'}
        {snoozed && (
          <>
            {' '}
            · snoozed until <DateTime at={rule.snoozedUntil!} />
          </>
        )}
      </p>
      <div className="active-alert__actions">
        <button type="button" onClick={explain}>
          Show why on the Dashboard
        </button>
        {rule.state === 'firing' && rule.acknowledgedAt === null && (
          <button type="button" onClick={() => void alerts.acknowledge(rule.id)}>
            Acknowledge
          </button>
        )}
        <span className="active-alert__snooze">
          <select
            aria-label={`Snooze ${rule.name} for`}
            value={snooze}
            onChange={(event) => setSnooze(event.target.value)}
          >
            {SNOOZE_CHOICES.map((choice) => (
              <option key={choice.minutes} value={choice.minutes}>
                {choice.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void alerts.snooze(rule.id, Number(snooze))}>
            Snooze
          </button>
        </span>
      </div>
    </li>
  );
}

/** The alert centre: what fires now, the rules with their state, the history; mute per profile. */
export function AlertsPage({ label }: AreaPageProps) {
  const profile = useProfiles((state) => state.active());
  const { rules, muted, active, history, moreHistory, error } = useAlerts();
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AlertRule | null>(null);

  const [shownProfile, setShownProfile] = useState(profile?.id);
  if (shownProfile !== profile?.id) {
    // another profile's rule must not stay open in the editor
    setShownProfile(profile?.id);
    setEditing(null);
  }

  useEffect(() => {
    void useAlerts.getState().load();
  }, [profile?.id]);

  return (
    <section aria-labelledby="page-title" className="page alerts-page">
      <header className="dashboard-page__header">
        <div>
          <h1 id="page-title">{label}</h1>
          <p className="muted dashboard-page__scope">
            {profile?.name ?? 'No profile'} · evaluated every minute · times in {timeZoneLabel()}
          </p>
        </div>
        <label className="alerts-mute">
          <input
            type="checkbox"
            checked={muted}
            onChange={(event) => void useAlerts.getState().setMute(event.target.checked)}
          />
          Mute notifications for this profile
        </label>
      </header>
      {muted && (
        <p className="notice" role="note">
          Notifications are muted for {profile?.name ?? 'this profile'}: alerts are still evaluated and listed, but no
          toast or desktop notification is raised.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <section className="panel" aria-labelledby="active-title">
        <h2 id="active-title">Active now ({active.length})</h2>
        {active.length === 0 ? (
          <p className="muted">Nothing is pending or firing.</p>
        ) : (
          <ul className="active-alerts">
            {active.map((rule) => (
              <ActiveAlert key={rule.id} rule={rule} />
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="rules-title">
        <div className="panel__header">
          <h2 id="rules-title">Rules</h2>
          <button type="button" className="button-primary" onClick={() => setEditing('new')}>
            New rule
          </button>
        </div>
        {editing && (
          <RuleEditor
            key={editing === 'new' ? 'new' : editing.id}
            rule={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
        {rules === null ? (
          <p className="muted">Loading…</p>
        ) : rules.length === 0 ? (
          <p className="muted">No rules. Create one with New rule.</p>
        ) : (
          <table className="data-table" aria-label="Alert rules">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Rule</th>
                <th scope="col">Condition</th>
                <th scope="col" className="numeric">
                  Last value
                </th>
                <th scope="col">Fires after / reminds</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id} className={rule.enabled ? undefined : 'muted'}>
                  <td>{rule.enabled ? <StateBadge state={rule.state} /> : <span className="alert-state">Off</span>}</td>
                  <td>{rule.name}</td>
                  <td>{describeCondition(rule.condition)}</td>
                  <td className="numeric">{formatValue(rule.condition.kind, rule.value)}</td>
                  <td>
                    {rule.forMinutes ? `${rule.forMinutes} min` : 'at once'} /{' '}
                    {rule.reNotifyMinutes ? `${rule.reNotifyMinutes} min` : 'never'}
                  </td>
                  <td className="alerts-rule-actions">
                    <button type="button" onClick={() => setEditing(rule)} aria-label={`Edit ${rule.name}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button-danger"
                      onClick={() => setDeleting(rule)}
                      aria-label={`Delete ${rule.name}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {history.length === 0 ? (
          <p className="muted">No alert has changed state yet.</p>
        ) : (
          <table className="data-table" aria-label="Alert history">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Rule</th>
                <th scope="col">Event</th>
                <th scope="col" className="numeric">
                  Value
                </th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.id}>
                  <td>
                    <DateTime at={event.at} />
                  </td>
                  <td>{event.ruleName}</td>
                  <td>
                    <span className={`alert-event alert-event--${event.event}`}>
                      {EVENT_WORDS[event.event] ?? event.event}
                    </span>
                  </td>
                  <td className="numeric">{formatValue(event.kind, event.value)}</td>
                  <td>{event.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {moreHistory && (
          <button type="button" onClick={() => void useAlerts.getState().loadOlder()}>
            Older history
          </button>
        )}
      </section>

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete rule"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void useAlerts.getState().remove(deleting.id);
            setDeleting(null);
          }}
        >
          <p>The rule stops being evaluated. Its history stays.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

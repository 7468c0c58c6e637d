import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/contract/result.ts';
import type { TeamLinkState, TeamStatus } from '../../../../shared/contract/team.ts';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SecretRow } from '../profiles/SecretsPanel.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { TeamLinkForm } from './TeamLinkForm.tsx';
import { useTeam } from './team-store.ts';
import './team.css';

const STATE_LABELS: Record<TeamLinkState, string> = {
  off: 'Not linked',
  unlinkable: 'Not available for this profile',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline — changes wait in the outbox',
  error: 'Needs attention',
};

/** How often the page re-reads the link while it is open (the backlog moves with every call). */
const STATUS_EVERY_MS = 2_000;

/**
 * Main answers a sync that never reached the database with the link's state, not with an error: only an online
 * link means the outbox really went out.
 */
const outcomeOf = (status: TeamStatus, done: string, notDone: string) =>
  status.state === 'online' ? done : `${notDone}: ${status.message ?? STATE_LABELS[status.state]}`;

/** Team mode: share this profile's history with every operator's console through the team's PostgreSQL. */
export function TeamPage({ label }: AreaPageProps) {
  const profile = useProfiles((state) => state.active());
  const { status, busy, load, prepareDatabase, syncNow } = useTeam();
  // What the last action said, kept with the profile it was about so that a switch does not show it on another.
  const [said, setSaid] = useState<{ profileId: string; text: string } | null>(null);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), STATUS_EVERY_MS);
    return () => clearInterval(timer);
  }, [load, profile?.id]);

  const act = async (profileId: string, work: () => Promise<Result<TeamStatus>>, done: string, notDone: string) => {
    const result = await work();
    setSaid({ profileId, text: result.ok ? outcomeOf(result.value, done, notDone) : result.error.message });
  };
  // Right after a profile switch the store still holds the previous profile's link until the next read.
  const current = status && profile && status.profileId === profile.id ? status : null;
  const message = profile && said?.profileId === profile.id ? said.text : null;

  return (
    <section aria-labelledby="page-title" className="page team-page">
      <header className="page-header">
        <h1 id="page-title">{label}</h1>
        <p className="muted">
          One shared history for every operator of this environment: calls, orders, webhook events, catalog changes,
          alerts and audit go to the team’s PostgreSQL; teammates’ calls and orders come back into search, lookups,
          bundles and the dashboard, marked with who they came from. Secrets, card numbers and PINs never leave this
          machine.
        </p>
      </header>
      {!current || !profile ? (
        <p className="muted">Reading the team link…</p>
      ) : current.unlinkableReason ? (
        <p role="note">{current.unlinkableReason} Switch to a staging or production profile to share its history.</p>
      ) : (
        <div className="team-layout">
          <LinkStatus status={current} />
          {current.enabled && (
            <div className="team-actions" role="group" aria-label="Team link actions">
              <button
                type="button"
                disabled={busy}
                onClick={() => void act(profile.id, syncNow, 'Synced.', 'Not synced')}
              >
                Sync now
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => void act(profile.id, prepareDatabase, 'The team database is prepared.', 'Not prepared')}
              >
                Prepare database
              </button>
              {message && <span role="status">{message}</span>}
            </div>
          )}
          <TeamLinkForm
            key={`${current.profileId}:${JSON.stringify(current.settings)}`}
            profile={profile}
            status={current}
          />
          <section className="secrets" aria-label="Team database password">
            <SecretRow profile={profile} kind="teamDbPassword" />
          </section>
        </div>
      )}
    </section>
  );
}

function LinkStatus({ status }: { status: TeamStatus }) {
  return (
    <section className="team-status" aria-label="Team link status">
      <p className={`team-state team-state--${status.state}`} data-testid="team-state">
        {STATE_LABELS[status.state]}
      </p>
      {status.message && (
        <p
          className={status.state === 'error' ? 'form-error' : 'muted'}
          role={status.state === 'error' ? 'alert' : undefined}
        >
          {status.message}
        </p>
      )}
      {/* Unlinked, the only thing to do is the form below: counts of nothing would only push it down. */}
      {!status.enabled ? (
        <p className="muted">
          Fill in the team database below, set its password, and link this profile. Until then nothing leaves this
          machine.
        </p>
      ) : (
        <dl className="team-facts">
          <dt>Outbox</dt>
          <dd data-testid="team-backlog">
            {status.backlog === 0 ? 'empty' : `${status.backlog.toLocaleString()} changes waiting`}
          </dd>
          <dt>Shipped / pulled (since start)</dt>
          <dd>
            {status.shippedRows.toLocaleString()} / {status.pulledRows.toLocaleString()} rows
          </dd>
          <dt>Last shipped</dt>
          <dd>{status.lastShippedAt ? <DateTime at={status.lastShippedAt} /> : '—'}</dd>
          <dt>Last pulled</dt>
          <dd>{status.lastPulledAt ? <DateTime at={status.lastPulledAt} /> : '—'}</dd>
          <dt>This console</dt>
          <dd className="mono">{status.consoleId}</dd>
          {status.schemaVersion !== null && (
            <>
              <dt>Team schema</dt>
              <dd>version {status.schemaVersion}</dd>
            </>
          )}
        </dl>
      )}
      {status.consoles.length > 0 && (
        <>
          <h2>Consoles in this space</h2>
          <ul className="team-consoles">
            {status.consoles.map((each) => (
              <li key={`${each.consoleId}:${each.operator}`}>
                {each.operator} <span className="mono muted">{each.consoleId}</span>
                {each.self && ' (this console)'}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

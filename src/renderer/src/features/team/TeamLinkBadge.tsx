import { useEffect } from 'react';
import { useProfiles } from '../profiles/profiles-store.ts';
import { useTeam } from './team-store.ts';
import './team.css';

/** How often the sidebar re-reads the team link (the page itself reads it more often while open). */
const BADGE_EVERY_MS = 5_000;

/**
 * The sidebar's word on the team link: nothing while it is off or all shipped; "offline" or "!" with the backlog
 * when changes wait, so an operator on a train knows their history has not reached the team yet.
 */
export function TeamLinkBadge() {
  const profileId = useProfiles((state) => state.active()?.id);
  const status = useTeam((state) => state.status);
  useEffect(() => {
    void useTeam.getState().load();
    const timer = setInterval(() => void useTeam.getState().load(), BADGE_EVERY_MS);
    return () => clearInterval(timer);
  }, [profileId]);
  if (!status?.enabled || (status.state === 'online' && status.backlog === 0)) return null;
  const problem = status.state === 'offline' || status.state === 'error';
  const word = status.state === 'offline' ? 'offline' : status.state === 'error' ? '!' : '…';
  return (
    <span
      className={`sidebar__badge team-badge${problem ? '' : ' team-badge--busy'}`}
      data-testid="team-link-badge"
      title={`Team link ${status.state}; ${status.backlog} changes in the outbox`}
    >
      <span aria-hidden="true">{status.backlog > 0 ? `${word} ${status.backlog}` : word}</span>
      <span className="visually-hidden">
        {' '}
        (team link {status.state}, {status.backlog} changes waiting)
      </span>
    </span>
  );
}

import type { Schedule } from '../../kernel/jobs/schedule.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { defineArea } from '../define-area.ts';
import { createTeamHandlers, TEAM_PULL_JOB, TEAM_SHIP_JOB } from './team-handlers.ts';
import { createTeamLink, type TeamLink } from './team-link.ts';
import { readTeamLink } from './team-link-store.ts';

/** How often the outbox ships when nothing asks sooner (a local write asks at once). */
const SHIP_EVERY_MS = 2_000;
/** How often teammates' rows are pulled when no NOTIFY arrives (a listener that dropped, a proxy that eats them). */
const PULL_EVERY_MS = 10_000;

// An unlinked profile (the common case) runs no team job at all: no timer, no progress event every two seconds.
const scheduleOf = (linked: boolean, everyMs: number): Schedule =>
  linked ? { kind: 'interval', everyMs } : { kind: 'off' };

/**
 * team.*: team mode (docs/team.md). Local first: every shared change is already in the profile's outbox (a
 * trigger in the same transaction); this area ships it to the team's PostgreSQL and pulls teammates' calls and
 * orders back into the same store.
 */
export const teamArea = defineArea({
  name: 'team',
  create: (kernel) => {
    const links = new WeakMap<ProfileScope, TeamLink>();
    const linkOf = (profileId: string) => {
      const link = links.get(kernel.scopes.get(profileId));
      if (!link) throw new Error(`no team link for the open profile ${profileId}`);
      return link;
    };
    const requestShip = (profileId: string) => {
      if (!kernel.scopes.isOpen(profileId)) return;
      if (readTeamLink(kernel.scopes.get(profileId).db).enabled) kernel.jobs.request(profileId, TEAM_SHIP_JOB);
    };
    const unsubscribe = [
      kernel.events.connect((event, payload) => {
        if (event === 'calls.recorded') requestShip((payload as { profileId: string }).profileId);
      }),
      kernel.domain.on('order.changed', ({ profileId }) => requestShip(profileId)),
      // A new password (or a cleared one) must not wait for the old pool to fail.
      kernel.credentials.onChanged((profileId) => {
        if (kernel.scopes.isOpen(profileId)) void links.get(kernel.scopes.get(profileId))?.reset();
      }),
    ];
    const scheduleFor = (profileId: string, linked: boolean) => {
      kernel.jobs.setSchedule(profileId, TEAM_SHIP_JOB, scheduleOf(linked, SHIP_EVERY_MS));
      kernel.jobs.setSchedule(profileId, TEAM_PULL_JOB, scheduleOf(linked, PULL_EVERY_MS));
    };
    return {
      handlers: createTeamHandlers(kernel, linkOf, scheduleFor),
      close: () => unsubscribe.forEach((stop) => stop()),
      perProfile(scope) {
        const link = createTeamLink({
          scope,
          consoleId: kernel.settings.consoleId(),
          password: () => kernel.credentials.secretFor(scope.profileId, 'teamDbPassword'),
          auditChangedSince: (after, limit) => kernel.audit.changedSince(scope.profileId, after, limit),
          onTeammateRows: () => kernel.jobs.request(scope.profileId, TEAM_PULL_JOB),
          now: kernel.clock.now,
        });
        links.set(scope, link);
        const linked = readTeamLink(scope.db).enabled;
        scope.addJob({
          name: TEAM_SHIP_JOB,
          schedule: scheduleOf(linked, SHIP_EVERY_MS),
          runIfNeverRan: linked,
          run: async ({ signal }) => void (await link.ship(signal)),
        });
        scope.addJob({
          name: TEAM_PULL_JOB,
          schedule: scheduleOf(linked, PULL_EVERY_MS),
          runIfNeverRan: linked,
          run: async ({ signal }) => void (await link.pull(signal)),
        });
        return () => link.reset();
      },
    };
  },
});

import type { Handlers } from '../../ipc/router.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { parseTeamDatabaseUrl } from './connection-config.ts';
import type { TeamLink } from './team-link.ts';
import { writeTeamLink } from './team-link-store.ts';

export const TEAM_SHIP_JOB = 'team.ship';
export const TEAM_PULL_JOB = 'team.pull';

/** team.*: the active profile's link to its team database. */
export function createTeamHandlers(
  kernel: Kernel,
  linkOf: (profileId: string) => TeamLink,
  scheduleFor: (profileId: string, linked: boolean) => void,
): Pick<Handlers, 'team'> {
  const active = () => {
    const profileId = kernel.active.id();
    return { profileId, scope: kernel.scopes.get(profileId), link: linkOf(profileId) };
  };
  // Ship then pull, waiting for both; a failure is already the link's state, which is what the page shows. A run
  // already under way may have started before the operator's last change, so each job also runs once after it.
  const syncNow = async (profileId: string) => {
    for (const job of [TEAM_SHIP_JOB, TEAM_SHIP_JOB, TEAM_PULL_JOB, TEAM_PULL_JOB])
      await kernel.jobs.runNow(profileId, job);
  };
  return {
    team: {
      status: () => active().link.status(),
      async configure({ enabled, settings }) {
        const { profileId, scope, link } = active();
        const reason = link.status().unlinkableReason;
        if (reason) throw new AppError('VALIDATION', reason);
        parseTeamDatabaseUrl(settings.url);
        const { backfilled } = writeTeamLink(scope.db, { enabled, settings }, kernel.clock.now());
        const profile = scope.profile();
        kernel.audit.record({
          action: enabled ? 'team.linked' : 'team.unlinked',
          profileId,
          profileName: profile.name,
          details: { space: settings.space, url: settings.url, tls: settings.tls, backfilled },
        });
        await link.reset();
        scheduleFor(profileId, enabled);
        if (enabled) await syncNow(profileId);
        return link.status();
      },
      async prepareDatabase() {
        const { profileId, scope, link } = active();
        await link.prepare();
        kernel.audit.record({
          action: 'team.prepared',
          profileId,
          profileName: scope.profile().name,
          details: { schemaVersion: link.status().schemaVersion },
        });
        return link.status();
      },
      async syncNow() {
        const { profileId, link } = active();
        await syncNow(profileId);
        return link.status();
      },
    },
  };
}

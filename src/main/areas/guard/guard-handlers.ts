import { findOperation } from '../../../shared/contract/index.ts';
import type { AuditLog } from '../../kernel/audit/audit-log.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { ConfirmationTokens } from '../../kernel/guard/confirmation-tokens.ts';
import type { GuardProfiles } from '../../kernel/guard/guarded-target.ts';

export function createGuardHandlers(deps: {
  profiles: GuardProfiles;
  tokens: ConfirmationTokens;
  audit: AuditLog;
}): Handlers['guard'] {
  return {
    confirm({ profileId, operation, typedName }) {
      const profile = deps.profiles.get(profileId);
      if (!findOperation(operation)?.confirmOnProduction) {
        throw new AppError('VALIDATION', `${operation} is not an operation that needs a confirmation`);
      }
      // Exact, case-sensitive: the point is that the operator reads which profile they are about to act on.
      if (typedName.trim() !== profile.name) {
        deps.audit.record({
          action: 'guard.refused',
          profileId: profile.id,
          profileName: profile.name,
          details: { operation, reason: 'the typed name did not match' },
        });
        throw new AppError('VALIDATION', `Type the profile name “${profile.name}” exactly to confirm.`);
      }
      const { token, expiresAt } = deps.tokens.issue(profile.id, operation);
      deps.audit.record({
        action: 'guard.confirmed',
        profileId: profile.id,
        profileName: profile.name,
        details: { operation, environment: profile.environment, expiresAt: expiresAt.toISOString() },
      });
      return { token, expiresAt: expiresAt.toISOString() };
    },
    probe(input) {
      const profileId = input?.profileId ?? deps.profiles.activeProfileId();
      return { allowed: true as const, profileId: deps.profiles.get(profileId).id };
    },
  };
}

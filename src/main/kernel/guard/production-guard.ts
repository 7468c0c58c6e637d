import type { OperationSpec } from '../../../shared/contract/define.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { AppError } from '../../errors/app-error.ts';
import { effectiveEnvironment } from '../profiles/base-url-policy.ts';
import type { ConfirmationTokens, ConsumeResult } from './confirmation-tokens.ts';
import { presentedToken, targetProfileId, type GuardProfiles } from './guarded-target.ts';

export type OperationGuard = (channel: string, spec: OperationSpec, input: unknown) => void | Promise<void>;

const REASONS: Record<Exclude<ConsumeResult, 'ok'>, string> = {
  unknown: 'the confirmation was already used or was never issued',
  expired: 'the confirmation expired',
  mismatch: 'the confirmation was given for another profile or operation',
};

/**
 * The production guard, enforced in main for every operation marked `confirmOnProduction`: on a production
 * profile it runs only with a fresh, single-use token from `guard.confirm` for this profile and this
 * operation. The UI's dialog is a convenience; this check is the rule, so a renderer (or anything else
 * that reaches the router) cannot skip it.
 */
export function createProductionGuard(deps: {
  profiles: GuardProfiles;
  tokens: ConfirmationTokens;
  audit: AuditLog;
}): OperationGuard {
  return (channel, spec, input) => {
    if (!spec.confirmOnProduction) return;
    const profile = deps.profiles.get(targetProfileId(input, deps.profiles));
    // A Custom profile stored before hosts were normalised may still reach production (`api.myhubble.money.`).
    if (effectiveEnvironment(profile.environment, profile.baseUrl) !== 'production') return;

    const token = presentedToken(input);
    const result: ConsumeResult = token ? deps.tokens.consume(token, profile.id, channel) : 'unknown';
    if (result === 'ok') return;

    const reason = token ? REASONS[result] : 'no confirmation was given';
    deps.audit.record({
      action: 'guard.refused',
      profileId: profile.id,
      profileName: profile.name,
      details: { operation: channel, reason },
    });
    throw new AppError(
      'CONFIRMATION_REQUIRED',
      `“${profile.name}” is a production profile: ${channel} needs a typed confirmation (${reason}).`,
      { profileId: profile.id, profileName: profile.name, operation: channel },
    );
  };
}

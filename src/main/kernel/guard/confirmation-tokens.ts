import crypto from 'node:crypto';

/** Long enough to read a name and press Enter; short enough that a token lying around is soon worthless. */
export const CONFIRMATION_TTL_MS = 60_000;
const MAX_OUTSTANDING = 64;

export type ConsumeResult = 'ok' | 'unknown' | 'expired' | 'mismatch';

export interface ConfirmationTokens {
  issue(profileId: string, operation: string): { token: string; expiresAt: Date };
  /** Any presented token is spent, matching or not, so a token can never be tried twice. */
  consume(token: string, profileId: string, operation: string): ConsumeResult;
}

export interface ConfirmationTokenOptions {
  ttlMs?: number;
  now?: () => number;
}

/** Single-use confirmation tokens bound to one profile and one operation, held in main's memory only. */
export function createConfirmationTokens(options: ConfirmationTokenOptions = {}): ConfirmationTokens {
  const ttlMs = options.ttlMs ?? CONFIRMATION_TTL_MS;
  const now = options.now ?? Date.now;
  const outstanding = new Map<string, { profileId: string; operation: string; expiresAt: number }>();

  const prune = () => {
    const at = now();
    for (const [token, grant] of outstanding) if (grant.expiresAt <= at) outstanding.delete(token);
    while (outstanding.size >= MAX_OUTSTANDING) outstanding.delete(outstanding.keys().next().value as string);
  };

  return {
    issue(profileId, operation) {
      prune();
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = now() + ttlMs;
      outstanding.set(token, { profileId, operation, expiresAt });
      return { token, expiresAt: new Date(expiresAt) };
    },
    consume(token, profileId, operation) {
      const grant = outstanding.get(token);
      if (!grant) return 'unknown';
      outstanding.delete(token);
      if (grant.expiresAt <= now()) return 'expired';
      if (grant.profileId !== profileId || grant.operation !== operation) return 'mismatch';
      return 'ok';
    },
  };
}

import { describe, expect, it } from 'vitest';
import { CONFIRMATION_TTL_MS, createConfirmationTokens } from '../../../src/main/kernel/guard/confirmation-tokens.ts';

describe('confirmation tokens', () => {
  it('are single-use and bound to one profile and one operation', () => {
    const tokens = createConfirmationTokens({ now: () => 0 });
    const { token, expiresAt } = tokens.issue('prod', 'profiles.delete');
    expect(expiresAt.getTime()).toBe(CONFIRMATION_TTL_MS);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(tokens.consume(token, 'prod', 'profiles.delete')).toBe('ok');
    expect(tokens.consume(token, 'prod', 'profiles.delete')).toBe('unknown');

    const forDelete = tokens.issue('prod', 'profiles.delete').token;
    expect(tokens.consume(forDelete, 'prod', 'guard.probe')).toBe('mismatch');
    // A mismatched presentation spends the token too: it cannot be tried again elsewhere.
    expect(tokens.consume(forDelete, 'prod', 'profiles.delete')).toBe('unknown');
    const forProd = tokens.issue('prod', 'guard.probe').token;
    expect(tokens.consume(forProd, 'prod-2', 'guard.probe')).toBe('mismatch');
    expect(tokens.consume('made-up', 'prod', 'guard.probe')).toBe('unknown');
  });

  it('expire after their short life', () => {
    const clock = { now: 1_000 };
    const tokens = createConfirmationTokens({ now: () => clock.now, ttlMs: 30_000 });
    const early = tokens.issue('prod', 'guard.probe').token;
    const late = tokens.issue('prod', 'guard.probe').token;
    clock.now += 29_999;
    expect(tokens.consume(early, 'prod', 'guard.probe')).toBe('ok');
    clock.now += 1;
    expect(tokens.consume(late, 'prod', 'guard.probe')).toBe('expired');
  });

  it('are each unique', () => {
    const tokens = createConfirmationTokens();
    const seen = new Set(Array.from({ length: 50 }, () => tokens.issue('p', 'guard.probe').token));
    expect(seen.size).toBe(50);
  });
});

import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src/main/hubble/backoff.ts';
import {
  expiryOf,
  TokenCache,
  UNKNOWN_LIFETIME_SECS,
  type LoginAttempt,
} from '../../../src/main/hubble/token-cache.ts';

describe('TokenCache', () => {
  it('shares one login between concurrent callers and reuses the token until shortly before expiry', async () => {
    let now = 1_000_000;
    let logins = 0;
    let release: (() => void) | undefined;
    const cache = new TokenCache<null>(
      async (): Promise<LoginAttempt<null>> => {
        logins += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return { ok: true, token: `t${logins}`, expiresInSecs: 3600, issuedAt: now, detail: null };
      },
      () => now,
    );
    const waiting = Promise.all([cache.get(), cache.get(), cache.get()]);
    await Promise.resolve();
    release!();
    expect((await waiting).map((r) => r.ok && r.token)).toEqual(['t1', 't1', 't1']);
    expect(logins).toBe(1);

    now += (3600 - 61) * 1000;
    expect(await cache.get()).toEqual({ ok: true, token: 't1' });
    now += 2000;
    const next = cache.get();
    await Promise.resolve();
    release!();
    expect(await next).toEqual({ ok: true, token: 't2' });
  });

  it('forgets a rejected token but not a newer one, and does not cache failures', async () => {
    let n = 0;
    const cache = new TokenCache<string>(
      async () =>
        ++n === 2
          ? { ok: false, detail: 'boom' }
          : { ok: true, token: `t${n}`, expiresInSecs: null, issuedAt: 0, detail: 'ok' },
      () => 0,
    );
    expect(await cache.get()).toEqual({ ok: true, token: 't1' });
    cache.invalidate('other');
    expect(await cache.get()).toEqual({ ok: true, token: 't1' });
    cache.invalidate('t1');
    expect(await cache.get()).toEqual({ ok: false, detail: 'boom' });
    expect(await cache.get()).toEqual({ ok: true, token: 't3' });
  });

  it('trusts a token of unknown lifetime for a short, fixed time', () => {
    expect(expiryOf(0, null)).toBe((UNKNOWN_LIFETIME_SECS - 30) * 1000);
    expect(expiryOf(0, 3600)).toBe(3540_000);
    expect(expiryOf(0, 10)).toBe(9_000);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, is capped, and keeps half of the delay fixed under jitter', () => {
    const policy = { ...DEFAULT_BACKOFF, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    expect(backoffDelay(10, policy, () => 0)).toBe(500);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { createIpcRouter, type Handlers } from '../../../src/main/ipc/router.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';

const ctx = { shell: 'browser-harness' } as const;

function routerWithGuard(guard: (channel: string, confirmOnProduction: boolean, input: unknown) => void) {
  const handled: string[] = [];
  const handlers: Record<string, Record<string, () => unknown>> = {};
  for (const channel of listChannels()) {
    const [area, name] = channel.split('.') as [string, string];
    handlers[area] ??= {};
    handlers[area][name] = () => {
      handled.push(channel);
      return { allowed: true, profileId: 'p' };
    };
  }
  const router = createIpcRouter(handlers as unknown as Handlers, {
    guard: (channel, spec, input) => guard(channel, spec.confirmOnProduction === true, input),
  });
  return { router, handled };
}

describe('router guard hook', () => {
  it('runs after input parsing and before the handler, with the parsed input', async () => {
    const seen: unknown[] = [];
    const { router, handled } = routerWithGuard((channel, confirmOnProduction, input) =>
      seen.push({ channel, confirmOnProduction, input }),
    );
    expect(await router.dispatch('guard.probe', { profileId: 'p', confirmationToken: 't' }, ctx)).toMatchObject({
      ok: true,
    });
    expect(seen).toEqual([
      { channel: 'guard.probe', confirmOnProduction: true, input: { profileId: 'p', confirmationToken: 't' } },
    ]);
    expect(handled).toEqual(['guard.probe']);
  });

  it('is not reached by invalid input', async () => {
    const seen: string[] = [];
    const { router } = routerWithGuard((channel) => seen.push(channel));
    expect(await router.dispatch('guard.probe', { profileId: 42 }, ctx)).toMatchObject({
      ok: false,
      error: { kind: 'VALIDATION' },
    });
    expect(seen).toEqual([]);
  });

  it('refuses by throwing: the handler never runs and the AppError reaches the caller', async () => {
    const { router, handled } = routerWithGuard(() => {
      throw new AppError('CONFIRMATION_REQUIRED', 'confirm first');
    });
    expect(await router.dispatch('guard.probe', undefined, ctx)).toEqual({
      ok: false,
      error: { kind: 'CONFIRMATION_REQUIRED', message: 'confirm first' },
    });
    expect(handled).toEqual([]);
  });
});

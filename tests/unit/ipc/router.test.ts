import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { createIpcRouter, isWellFormedInput, type Handlers } from '../../../src/main/ipc/router.ts';
import { createConsoleCore } from '../../../src/main/app/console-core.ts';
import { listChannels } from '../../../src/shared/contract/index.ts';
import type { Profile } from '../../../src/shared/contract/profiles.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ctx = { shell: 'browser-harness' } as const;

const builtinSimulatorProfileForTest: Profile = {
  id: 'simulator',
  name: 'Simulator',
  environment: 'simulator',
  baseUrl: 'x',
  colour: '#000',
  builtIn: true,
  clientId: 'sim-staging-b2b',
  walletMinimum: null,
  polling: { walletSecs: 300, processingOrdersSecs: 30, catalogSyncHours: 24 },
  rateLimits: [],
  webhookReceiver: { enabled: false, port: 8787 },
  credentialSource: 'built-in',
  secrets: {
    clientSecret: { set: false, updatedAt: null },
    webhookSecret: { set: false, updatedAt: null },
    teamDbPassword: { set: false, updatedAt: null },
  },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

/** A real router over the real contract, with every handler replaced by a spy that answers from `answers`. */
function routerWithSpies(answers: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const handlers: Record<string, Record<string, (input: unknown) => unknown>> = {};
  for (const channel of listChannels()) {
    const [area, name] = channel.split('.') as [string, string];
    handlers[area] ??= {};
    handlers[area][name] = (input) => {
      calls.push(channel);
      const answer = answers[channel];
      if (answer instanceof Error) throw answer;
      return typeof answer === 'function' ? answer(input) : answer;
    };
  }
  const onUnexpectedError = vi.fn();
  return { router: createIpcRouter(handlers as unknown as Handlers, { onUnexpectedError }), calls, onUnexpectedError };
}

describe('IPC router', () => {
  it('answers {ok:true, value} for a valid call', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'router-'));
    const core = createConsoleCore({ dataDir, shell: 'browser-harness', version: '1.2.3' });
    await core.start();
    try {
      const result = await core.router.dispatch('app.info', undefined, ctx);
      expect(result).toMatchObject({ ok: true, value: { version: '1.2.3', dataDir, shell: 'browser-harness' } });
    } finally {
      await core.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('rejects bad input with VALIDATION and never calls the service', async () => {
    const { router, calls } = routerWithSpies();
    const result = await router.dispatch('app.info', { unexpected: true }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('VALIDATION');
      expect(result.error.details).toMatchObject({
        issues: [expect.objectContaining({ message: expect.any(String) })],
      });
    }
    expect(calls).toEqual([]);
  });

  it('answers NOT_FOUND for a channel outside the contract, including prototype names', async () => {
    const { router, calls } = routerWithSpies();
    for (const channel of ['app.nope', 'nope.info', '__proto__.constructor', 'app.constructor', '', 'app']) {
      const result = await router.dispatch(channel, undefined, ctx);
      expect(result).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
    }
    expect(calls).toEqual([]);
  });

  it('passes an AppError through with its kind, message and details', async () => {
    const { router } = routerWithSpies({ 'app.info': new AppError('CONFLICT', 'already there', { id: 7 }) });
    expect(await router.dispatch('app.info', undefined, ctx)).toEqual({
      ok: false,
      error: { kind: 'CONFLICT', message: 'already there', details: { id: 7 } },
    });
  });

  it('hides the message of an unexpected error from the renderer and reports it in main', async () => {
    const { router, onUnexpectedError } = routerWithSpies({ 'app.info': new Error('db password is hunter2') });
    const result = await router.dispatch('app.info', undefined, ctx);
    expect(result).toEqual({ ok: false, error: { kind: 'INTERNAL', message: 'Unexpected failure in app.info' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });

  it('refuses an output that breaks the contract, and strips keys the contract does not name', async () => {
    const broken = routerWithSpies({ 'app.info': { version: 3 } });
    expect(await broken.router.dispatch('app.info', undefined, ctx)).toMatchObject({
      ok: false,
      error: { kind: 'INTERNAL' },
    });

    const leaky = routerWithSpies({
      'profiles.list': {
        activeProfileId: 'simulator',
        profiles: [{ ...builtinSimulatorProfileForTest, clientSecret: 'LEAK' }],
        welcomeDismissed: false,
      },
    });
    const result = await leaky.router.dispatch('profiles.list', undefined, ctx);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('LEAK');
  });

  it('refuses to start when an operation of the contract has no handler', () => {
    expect(() => createIpcRouter({} as Handlers)).toThrow(/No handler for/);
  });

  it('refuses text with a lone surrogate as bad input before any schema or service sees it', async () => {
    expect(isWellFormedInput({ a: ['ok', { b: 'fine ✓' }] })).toBe(true);
    expect(isWellFormedInput({ a: ['ok', { b: 'x\ud800' }] })).toBe(false);
    expect(isWellFormedInput(JSON.parse('{"\\udc00": 1}'))).toBe(false);
    const { router, calls } = routerWithSpies();
    const result = await router.dispatch('calls.resolveIdentifier', { value: 'ord\udc00' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
    expect(calls).toEqual([]);
  });
});

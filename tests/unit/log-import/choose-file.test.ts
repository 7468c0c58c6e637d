import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../../src/main/app/console-core.ts';
import type { LogFileDialogRequest } from '../../../src/main/areas/log-import/log-file-dialog.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import { createLogImportHandlers } from '../../../src/main/areas/log-import/log-import-handlers.ts';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { useOrdersConsole } from '../orders/console-fixture.ts';

const unused = () => {
  throw new Error('choosing a file touches no profile');
};
const handlersWith = (openFileDialog: Parameters<typeof createLogImportHandlers>[0]['openFileDialog']) =>
  createLogImportHandlers({
    activeScope: unused,
    portOf: unused,
    audit: { record: unused } as never,
    now: () => 0,
    openFileDialog,
  });

const sim = useSimulator();
const openConsole = useOrdersConsole(sim);

describe('logImport.chooseFile', () => {
  it('answers the path the desktop dialog returns, and null when the operator cancels', async () => {
    const asked: LogFileDialogRequest[] = [];
    let answer: string | null = '/var/log/partner/hubble-calls.csv';
    const handlers = handlersWith(() => async (request) => {
      asked.push(request);
      return answer;
    });

    expect(await handlers.chooseFile()).toEqual({ path: '/var/log/partner/hubble-calls.csv' });
    answer = null;
    expect(await handlers.chooseFile()).toEqual({ path: null });

    expect(asked).toHaveLength(2);
    const extensions = asked[0]!.filters.flatMap((filter) => filter.extensions);
    expect(extensions).toEqual(expect.arrayContaining(['jsonl', 'csv', '*']));
  });

  it('without a desktop dialog (the browser harness) answers UNAVAILABLE and tells the operator to type the path', async () => {
    const handlers = handlersWith(() => null);
    const refused = await Promise.resolve()
      .then(() => handlers.chooseFile())
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).kind).toBe('UNAVAILABLE');
    expect((refused as AppError).message).toMatch(/type the path/);
  });

  it('through the contract on a console built without Electron: UNAVAILABLE, and with the shell’s dialog installed: its path', async () => {
    const { core } = await openConsole();
    const ctx = { shell: 'browser-harness' } as const;

    const refused = await core.router.dispatch('logImport.chooseFile', undefined, ctx);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.kind).toBe('UNAVAILABLE');
      expect(refused.error.message).toMatch(/not available here.*type the path/);
    }

    // The Electron shell builds the core with its dialog.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'choose-file-'));
    const desktop = createConsoleCore({
      dataDir,
      shell: 'electron',
      version: 'test',
      vault: createMemoryVault(),
      openFileDialog: async () => '/home/ops/calls.jsonl',
      simulator: {
        running: () => null,
        baseUrl: () => null,
        ensureStarted: () => Promise.reject(new Error('none')),
        close: async () => undefined,
      },
    });
    try {
      expect(await desktop.router.dispatch('logImport.chooseFile', undefined, ctx)).toEqual({
        ok: true,
        value: { path: '/home/ops/calls.jsonl' },
      });
    } finally {
      await desktop.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

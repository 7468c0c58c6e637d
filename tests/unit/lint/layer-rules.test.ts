import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `file` and returns the rule ids that fired. */
async function rulesFiredFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse-error');
}

describe('layer rules are lint errors', () => {
  it.each([
    ['src/renderer/src/pages/X.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['src/renderer/src/pages/X.tsx', "import fs from 'node:fs';\nexport const x = fs;"],
    [
      'src/renderer/src/pages/X.tsx',
      "import { createConsoleCore } from '../../../main/app/console-core.ts';\nexport const x = createConsoleCore;",
    ],
    ['src/renderer/src/pages/X.tsx', "import { request } from 'undici';\nexport const x = request;"],
    ['src/main/calls/x.ts', "import { App } from '../../renderer/src/app/App.tsx';\nexport const x = App;"],
    ['src/main/calls/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src/main/electron/app-protocol.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;"],
    ['src/shared/x.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['src/shared/x.ts', "import { x as y } from '../main/x.ts';\nexport const x = y;"],
    ['src/preload/index.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    [
      'src/preload/index.ts',
      "import { createConsoleCore } from '../main/app/console-core.ts';\nexport const x = createConsoleCore;",
    ],
    ['src/preload/harness-bridge.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['src/main/index.ts', "import { App } from '../renderer/src/app/App.tsx';\nexport const x = App;"],
    [
      'src/main/electron/ipc-binding.ts',
      "import { App } from '../../renderer/src/app/App.tsx';\nexport const x = App;",
    ],
  ])('%s: forbidden import is reported', async (file, code) => {
    expect(await rulesFiredFor(file, code)).toContain('no-restricted-imports');
  });

  it('forbids one area of main to import another, and allows the kernel, the contract and its own files', async () => {
    const rule = 'areas/no-cross-area-import';
    expect(
      await rulesFiredFor(
        'src/main/areas/profiles/x.ts',
        "import { callsArea } from '../calls/calls-area.ts';\nexport const x = callsArea;",
      ),
    ).toContain(rule);
    expect(
      await rulesFiredFor(
        'src/main/areas/calls/sub/x.ts',
        "export { webhooksArea } from '../../webhooks/webhooks-area.ts';",
      ),
    ).toContain(rule);
    expect(
      await rulesFiredFor(
        'src/main/areas/webhooks/x.ts',
        "export const load = () => import('../orders/orders-area.ts');",
      ),
    ).toContain(rule);
    expect(
      await rulesFiredFor(
        'src/main/areas/calls/x.ts',
        "import { defineArea } from '../define-area.ts';\nimport type { Kernel } from '../../kernel/kernel.ts';\nimport { CallsService } from './calls-service.ts';\nimport { contract } from '../../../shared/contract/index.ts';\nexport const x = [defineArea, CallsService, contract] as unknown as Kernel;",
      ),
    ).toEqual([]);
  });

  it('lets only stores call main: a component importing hubble.ts is reported, a store is not', async () => {
    expect(
      await rulesFiredFor(
        'src/renderer/src/features/calls/X.tsx',
        "import { hubble } from '../../hubble.ts';\nexport const x = hubble;",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await rulesFiredFor(
        'src/renderer/src/features/calls/x-store.ts',
        "import { hubble } from '../../hubble.ts';\nexport const x = hubble;",
      ),
    ).toEqual([]);
  });

  it('forbids the renderer any network of its own', async () => {
    expect(
      await rulesFiredFor(
        'src/renderer/src/pages/X.tsx',
        "export const x = () => fetch('https://api.myhubble.money');",
      ),
    ).toContain('no-restricted-globals');
  });

  it('allows what each layer may do', async () => {
    expect(
      await rulesFiredFor(
        'src/renderer/src/pages/X.tsx',
        "import { z } from 'zod';\nimport { contract } from '../../../shared/contract/index.ts';\nexport const x = [z, contract];",
      ),
    ).toEqual([]);
    expect(
      await rulesFiredFor(
        'src/main/electron/ipc-binding.ts',
        "import { ipcMain } from 'electron';\nexport const x = ipcMain;",
      ),
    ).toEqual([]);
    expect(
      await rulesFiredFor(
        'src/preload/index.ts',
        "import { ipcRenderer } from 'electron';\nimport { buildHubbleApi } from '../shared/contract/build-api.ts';\nexport const x = [ipcRenderer, buildHubbleApi];",
      ),
    ).toEqual([]);
    expect(await rulesFiredFor('src/main/calls/x.ts', "import fs from 'node:fs';\nexport const x = fs;")).toEqual([]);
  });
});

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listChannels } from '../../../src/shared/contract/index.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The BUILT app, not src/: `electron-vite build` into a temp folder laid out like the packaged app (out/ beside
 * resources/), then the built main runs in a plain Node child with the fake `electron` module and the built
 * preload runs in a vm the way a sandboxed preload does. A dependency neither bundled nor externalised, a path
 * that exists only in src/, or an ESM/CJS mismatch fails here instead of at a user's first launch.
 * The temp folder lives under node_modules/.cache so the externalised packages resolve as they do when packaged.
 */
let buildRoot = '';
let userData = '';
let report: Record<string, unknown> = {};

beforeAll(async () => {
  const cache = path.join(root, 'node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  buildRoot = fs.mkdtempSync(path.join(cache, 'built-bundle-'));
  userData = fs.mkdtempSync(path.join(buildRoot, 'user-data-'));
  fs.symlinkSync(path.join(root, 'resources'), path.join(buildRoot, 'resources'));
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'),
      'build',
      '--outDir',
      path.join(buildRoot, 'out'),
      '--logLevel',
      'error',
    ],
    { cwd: root, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  const { stdout } = await run(
    process.execPath,
    [path.join(root, 'tests/fixtures/built-bundle-driver.ts'), buildRoot, userData],
    { cwd: buildRoot, maxBuffer: 16 * 1024 * 1024 },
  );
  const line = stdout.split('\n').find((entry) => entry.startsWith('BUILT-BUNDLE-REPORT '));
  if (!line) throw new Error(`the driver printed no report:\n${stdout}`);
  report = JSON.parse(line.slice('BUILT-BUNDLE-REPORT '.length));
}, 90_000);

afterAll(() => {
  if (buildRoot) fs.rmSync(buildRoot, { recursive: true, force: true });
});

describe('the built bundles (out/main, out/preload) with the fake electron module', () => {
  it('builds main as ESM and the preload as one CommonJS file', () => {
    expect(fs.existsSync(path.join(buildRoot, 'out/main/index.js'))).toBe(true);
    // The receiver's writer thread is its own entry, next to index.js where the bundled main looks for it.
    expect(fs.existsSync(path.join(buildRoot, 'out/main/receiver-delivery-writer.js'))).toBe(true);
    expect(fs.existsSync(path.join(buildRoot, 'out/preload/index.cjs'))).toBe(true);
    expect(fs.existsSync(path.join(buildRoot, 'out/renderer/index.html'))).toBe(true);
  });

  it('starts the lifecycle and opens the window with the built preload', () => {
    expect(report['windowUrl']).toBe('app://console/index.html');
    expect(report['preloadPath']).toBe(path.join(buildRoot, 'out/preload/index.cjs'));
    expect(report['preloadExists']).toBe(true);
    expect(report['indexStatus']).toBe(200);
    expect(report['indexCsp']).toContain("default-src 'none'");
  });

  it('exposes exactly the contract through the preload, bound one handler per channel in main', () => {
    expect(report['exposedGlobals']).toEqual(['hubble']);
    expect(report['exposedOperations']).toEqual(listChannels().sort());
    expect(report['boundChannels']).toEqual(listChannels().sort());
  });

  it('serves a contract call end to end: preload → IPC handler → router → app area', () => {
    expect(report['appInfo']).toMatchObject({ ok: true, value: { version: '0.0.0-wiring', shell: 'electron' } });
  });

  it('pushes an event back through the preload (a deep link becomes a desktop command)', () => {
    expect(report['commands']).toEqual([{ kind: 'go', area: 'calls' }]);
  });

  it('quits cleanly: the core stops and the process exits 0', () => {
    expect(report['exitCode']).toBe(0);
    expect(report['channelsLeftBoundAfterQuit']).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contract } from '../../src/shared/contract/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The electron package's binary path, or null when it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1. */
function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON =
  'No Electron binary is installed (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download is impossible on this machine). ' +
  'These tests launch the built app with Playwright _electron; install Electron normally to run them.';
if (binary === null) console.warn(`[electron suite] skipped: ${SKIP_REASON}`);
test.skip(binary === null, SKIP_REASON);

let app: ElectronApplication;
let window: Page;

test.beforeAll(async () => {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [path.join(repoRoot, 'out/main/index.js'), `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  window = await app.firstWindow();
  await window.getByRole('navigation', { name: 'Areas' }).waitFor();
});
test.afterAll(async () => app?.close());

test('the window runs isolated, sandboxed, without Node, from app://', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    return { ...contents.getLastWebPreferences(), url: contents.getURL() };
  });
  expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  expect(preferences.url.startsWith('app://console/')).toBe(true);
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
});

test('window.hubble is exactly the contract', async () => {
  const keys = await window.evaluate(() => Object.keys(window.hubble).sort());
  expect(keys).toEqual([...Object.keys(contract), 'on'].sort());
});

test('navigation away from the app and new windows are refused', async () => {
  await window.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(window.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  expect(window.url().startsWith('app://console/')).toBe(true);
  await window.evaluate(() => window.open('https://example.com/'));
  expect(app.windows()).toHaveLength(1);
});

test('the renderer is served with the CSP and traversal is refused by app://', async () => {
  const result = await window.evaluate(async () => {
    const page = await fetch('app://console/index.html');
    const escape = await fetch('app://console/%2e%2e/%2e%2e/package.json').catch(() => null);
    return { csp: page.headers.get('content-security-policy'), escapeStatus: escape?.status ?? 0 };
  });
  expect(result.csp).toContain("default-src 'none'");
  expect(result.escapeStatus).not.toBe(200);
});

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contract } from '../../src/shared/contract/index.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The Electron binary, or null when it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1. Read from the
 * package's path.txt rather than require('electron'), which would try to download the binary right now.
 */
function electronBinary(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const SKIP_REASON =
  'No Electron binary is installed (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download is impossible on this machine). ' +
  'These tests launch the built app with Playwright _electron; install Electron normally to run them.';
if (binary === null) console.warn(`[electron suite] skipped: ${SKIP_REASON}`);
test.skip(binary === null, SKIP_REASON);

let app: ElectronApplication;
let consoleWindow: Page;
let userData: string;

/** Starts a second console on the same data folder (with extra arguments) and waits for it to exit. */
function secondLaunch(...extra: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary!, [path.join(repoRoot, 'out/main/index.js'), `--user-data-dir=${userData}`, ...extra], {
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

test.beforeAll(async () => {
  execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-electron-'));
  app = await electron.launch({
    executablePath: binary!,
    args: [path.join(repoRoot, 'out/main/index.js'), `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_RENDERER_URL: '' },
  });
  consoleWindow = await app.firstWindow();
  await consoleWindow.getByRole('navigation', { name: 'Areas' }).waitFor();
});
test.afterAll(async () => app?.close());

test('the window runs isolated, sandboxed, without Node, from app://', async () => {
  const main = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getURL(): string;
      getLastWebPreferences?: () => Record<string, unknown>;
    };
    return { url: contents.getURL(), preferences: contents.getLastWebPreferences?.() ?? null };
  });
  expect(main.url.startsWith('app://console/')).toBe(true);
  if (main.preferences) {
    expect(main.preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  }
  // Observable from the page whatever Electron exposes: no Node, no preload internals, only the bridge.
  const page = await consoleWindow.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    hubble: typeof window.hubble,
  }));
  expect(page).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined', hubble: 'object' });
});

test('window.hubble is exactly the contract', async () => {
  const keys = await consoleWindow.evaluate(() => Object.keys(window.hubble).sort());
  expect(keys).toEqual([...Object.keys(contract), 'on'].sort());
});

test('navigation away from the app and new windows are refused', async () => {
  await consoleWindow.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(consoleWindow.getByRole('navigation', { name: 'Areas' })).toBeVisible();
  expect(consoleWindow.url().startsWith('app://console/')).toBe(true);
  await consoleWindow.evaluate(() => window.open('https://example.com/'));
  expect(app.windows()).toHaveLength(1);
});

test('the renderer is served with the CSP and traversal is refused by app://', async () => {
  const result = await consoleWindow.evaluate(async () => {
    const page = await fetch('app://console/index.html');
    const escape = await fetch('app://console/%2e%2e/%2e%2e/package.json').catch(() => null);
    return { csp: page.headers.get('content-security-policy'), escapeStatus: escape?.status ?? 0 };
  });
  expect(result.csp).toContain("default-src 'none'");
  expect(result.escapeStatus).not.toBe(200);
});

test('the native menu reaches every area by name, with the palette and the shortcut help', async () => {
  const labels = await app.evaluate(({ Menu }) => {
    const walk = (items: Electron.MenuItem[]): string[] =>
      items.flatMap((item) => [item.label, ...(item.submenu ? walk(item.submenu.items) : [])]);
    return walk(Menu.getApplicationMenu()?.items ?? []);
  });
  for (const area of ['Dashboard', 'Orders', 'Catalog', 'Wallet', 'Calls', 'Webhooks', 'Alerts', 'Profiles', 'Go-Live'])
    expect(labels).toContain(area);
  expect(labels).toContain('Command Palette…');
  expect(labels).toContain('Keyboard Shortcuts');
});

test('a second launch exits and leaves the first console with its one window', async () => {
  expect(await secondLaunch()).toBe(0);
  expect(app.windows()).toHaveLength(1);
});

test('a deep link given to a second launch opens that page in the first console', async () => {
  expect(await secondLaunch('hubble-ops://page/orders')).toBe(0);
  await expect.poll(() => consoleWindow.url()).toContain('#/orders');
  expect(app.windows()).toHaveLength(1);
});

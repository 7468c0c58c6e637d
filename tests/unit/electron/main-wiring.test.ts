import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../../src/shared/contract/index.ts';

type Listener = (...args: unknown[]) => unknown;

/**
 * A stand-in for the `electron` module that records what src/main/index.ts and the thin Electron files
 * register, so each security hook of the real wiring is exercised without an Electron binary.
 */
const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: Array<{ options: Record<string, unknown>; loadedUrl: string | null }> = [];
  let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
  let windowLoaded: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (windowLoaded = resolve));
  const state = {
    userData: '',
    sandboxEnabled: false,
    exitCode: null as number | null,
    privilegedSchemes: [] as unknown[],
    permissionRequestHandler: null as Listener | null,
    permissionCheckHandler: null as Listener | null,
  };
  const electron = {
    app: {
      isPackaged: true,
      enableSandbox: () => (state.sandboxEnabled = true),
      whenReady: () => Promise.resolve(),
      getPath: () => state.userData,
      getVersion: () => '0.0.0-wiring',
      on: (event: string, listener: Listener) =>
        appListeners.set(event, [...(appListeners.get(event) ?? []), listener]),
      quit: () => {},
      exit: (code: number) => (state.exitCode = code),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
      handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (protocolHandler = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheckHandler = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    webContents: { getAllWebContents: () => [] },
    shell: { openExternal: async () => {} },
    nativeTheme: { shouldUseDarkColors: false },
    BrowserWindow: class {
      readonly record: { options: Record<string, unknown>; loadedUrl: string | null };
      constructor(options: Record<string, unknown>) {
        this.record = { options, loadedUrl: null };
        windows.push(this.record);
      }
      once() {}
      show() {}
      async loadURL(url: string) {
        this.record.loadedUrl = url;
        windowLoaded();
      }
    },
  };
  return { electron, state, appListeners, ipcHandlers, windows, loaded, protocol: () => protocolHandler };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const appListener = (event: string) => fake.appListeners.get(event)?.[0];

beforeAll(async () => {
  fake.state.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'wiring-'));
  await import('../../../src/main/index.ts');
  await fake.loaded;
});

afterAll(async () => {
  const quit = appListener('will-quit');
  if (quit && fake.state.exitCode === null) {
    quit({ preventDefault: () => {} });
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(0));
  }
  fs.rmSync(fake.state.userData, { recursive: true, force: true });
});

describe('Electron main wiring (src/main/index.ts with a fake electron module)', () => {
  it('enables the sandbox for every renderer and registers app:// as a standard, secure scheme', () => {
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('opens one window with the hardened options, loading app://console', () => {
    expect(fake.windows).toHaveLength(1);
    const [window] = fake.windows;
    expect(window!.loadedUrl).toBe('app://console/index.html');
    expect(window!.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String((window!.options['webPreferences'] as { preload: string }).preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
  });

  it('guards every webContents created: foreign navigation and new windows are refused', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | null = null;
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    };
    appListener('web-contents-created')!({}, contents);
    let prevented = false;
    listeners.get('will-navigate')!({ preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let attachPrevented = false;
    listeners.get('will-attach-webview')!({ preventDefault: () => (attachPrevented = true) });
    expect(attachPrevented).toBe(true);
  });

  it('refuses certificate errors and every permission request', () => {
    let trusted: boolean | undefined;
    let prevented = false;
    appListener('certificate-error')!(
      { preventDefault: () => (prevented = true) },
      null,
      'https://x',
      'ERR',
      null,
      (value: boolean) => (trusted = value),
    );
    expect(prevented).toBe(true);
    expect(trusted).toBe(false);
    let granted: boolean | undefined;
    fake.state.permissionRequestHandler!(null, 'media', (value: boolean) => (granted = value));
    expect(granted).toBe(false);
    expect(fake.state.permissionCheckHandler!(null, 'notifications')).toBe(false);
  });

  it('serves the renderer through app:// with the CSP, and refuses other hosts and traversal', async () => {
    const handle = fake.protocol()!;
    const page = await handle(new Request('app://console/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handle(new Request('app://console/..%2f..%2fpackage.json'))).status).not.toBe(200);
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(403);
  });

  it('binds one IPC handler per contract channel, and answers only our own top-level frame', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(listChannels().sort());
    const handler = fake.ipcHandlers.get('app.info')!;
    const trusted = { senderFrame: { url: 'app://console/index.html', parent: null } };
    expect(await handler(trusted, undefined)).toMatchObject({
      ok: true,
      value: { version: '0.0.0-wiring', shell: 'electron' },
    });
    for (const senderFrame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://console/index.html', parent: {} },
      null,
    ]) {
      expect(await handler({ senderFrame }, undefined)).toMatchObject({ ok: false, error: { kind: 'FORBIDDEN' } });
    }
  });

  it('waits for the core to stop before the process exits on quit', async () => {
    let prevented = false;
    appListener('will-quit')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(0));
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

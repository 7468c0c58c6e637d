import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../../src/shared/contract/index.ts';
import { fakeElectron as fake } from '../../fixtures/fake-electron.ts';

type Listener = (...args: unknown[]) => unknown;

// The real src/main/index.ts and thin Electron files, over the shared fake `electron` (tests/fixtures).
vi.mock('electron', async () => {
  const { fakeElectron } = await import('../../fixtures/fake-electron.ts');
  return { ...fakeElectron.electron, default: fakeElectron.electron };
});

const appListener = (event: string) => fake.appListener(event);
type MenuItem = { label?: string; role?: string; accelerator?: string; click?: () => void; submenu?: MenuItem[] };
const menuItems = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);

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

  it('tells the job scheduler when the machine wakes, so a schedule slot missed in sleep runs once', () => {
    const resume = fake.powerListeners.get('resume');
    expect(resume).toBeTypeOf('function');
    expect(() => resume!()).not.toThrow();
  });

  it('installs the native menu: every area under Go with its accelerator shown, a click sends the window there', () => {
    const items = menuItems(fake.state.applicationMenu!.template as MenuItem[]);
    const orders = items.find((item) => item.label === 'Orders')!;
    expect(orders.accelerator).toBe('CmdOrCtrl+2');
    expect(items.filter((item) => item.role).map((item) => item.role)).toEqual(
      expect.arrayContaining(['copy', 'paste', 'selectAll', 'minimize', 'quit']),
    );
    orders.click!();
    expect(fake.eventsSent('desktop.command').at(-1)?.payload).toEqual({ kind: 'go', area: 'orders' });
  });

  it('offers Copy on an identifier the operator right-clicks, and copies exactly it', () => {
    const contents = fake.windows[0]!.webContents;
    const requestId = '0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f';
    contents.emit(
      'context-menu',
      {},
      {
        selectionText: ` ${requestId} `,
        isEditable: false,
        editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true },
      },
    );
    const [copy] = fake.state.poppedMenus.at(-1)!.template as MenuItem[];
    expect(copy!.label).toMatch(/^Copy X-REQUEST-ID 0f8e3c5e/);
    copy!.click!();
    expect(fake.state.clipboard).toBe(requestId);
  });

  it('shows the active profile in the tray', async () => {
    const list = (await fake.ipcHandlers.get('profiles.list')!(
      { senderFrame: { url: 'app://console/index.html', parent: null } },
      undefined,
    )) as { value: { activeProfileId: string; profiles: Array<{ id: string; name: string }> } };
    const active = list.value.profiles.find((profile) => profile.id === list.value.activeProfileId)!;
    expect(fake.trays).toHaveLength(1);
    expect(fake.trays[0]!.tooltip).toContain(active.name);
    expect(fake.trays[0]!.tooltip).toContain('Wallet: not known yet');
  });

  it('registers hubble-ops:// and opens a valid deep link; an invalid one never reaches the window', () => {
    expect(fake.state.defaultProtocolClients).toEqual(['hubble-ops']);
    const openUrl = appListener('open-url')!;
    const before = fake.eventsSent('desktop.command').length;
    openUrl({ preventDefault: () => {} }, 'hubble-ops://order/../../etc/passwd');
    openUrl({ preventDefault: () => {} }, 'hubble-ops://settings/delete-everything');
    expect(fake.eventsSent('desktop.command')).toHaveLength(before);
    openUrl({ preventDefault: () => {} }, 'hubble-ops://call/0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f');
    expect(fake.eventsSent('desktop.command').at(-1)?.payload).toEqual({
      kind: 'open-call',
      requestId: '0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f',
    });
  });

  it('holds the single-instance lock: a second launch focuses this window and passes on its deep link', () => {
    const secondInstance = appListener('second-instance')!;
    const focusedBefore = fake.windows[0]!.focused;
    secondInstance({}, ['/opt/hubble-ops-console', 'hubble-ops://order?ref=partner-ref-77']);
    expect(fake.windows[0]!.focused).toBe(focusedBefore + 1);
    expect(fake.eventsSent('desktop.command').at(-1)?.payload).toEqual({
      kind: 'open-order',
      key: { referenceId: 'partner-ref-77' },
    });
    secondInstance({}, ['/opt/hubble-ops-console']);
    expect(fake.windows[0]!.focused).toBe(focusedBefore + 2);
  });

  it('opens the window inside the display work area and remembers where it was when it closes', () => {
    const window = fake.windows[0]!;
    const { x, y, width, height } = window.options as Record<string, number>;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(x! + width!).toBeLessThanOrEqual(1920);
    expect(y! + height!).toBeLessThanOrEqual(1040);
    let prevented = false;
    for (const listener of window.listeners.get('close') ?? []) listener({ preventDefault: () => (prevented = true) });
    // close-to-tray is off by default: closing closes.
    expect(prevented).toBe(false);
    const saved = JSON.parse(fs.readFileSync(path.join(fake.state.userData, 'window-state.json'), 'utf8'));
    expect(Object.values(saved.byLayout)).toEqual([{ bounds: { x, y, width, height }, maximized: false }]);
  });

  it('waits for the core to stop before the process exits on quit', async () => {
    let prevented = false;
    appListener('will-quit')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await vi.waitFor(() => expect(fake.state.exitCode).toBe(0));
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { rejectCertificateErrors, denyAllPermissions } from '../../../src/main/electron/session-guard.ts';
import { guardWebContents, type GuardableWebContents } from '../../../src/main/electron/web-contents-guard.ts';
import { mainWindowOptions } from '../../../src/main/electron/window-options.ts';
import { APP_ORIGIN } from '../../../src/main/security/app-origin.ts';

type Listener = (event: { preventDefault(): void; url?: string }, url?: string) => void;

/** A stand-in for Electron's WebContents that records what the guard registered. */
function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      windowOpenHandler = handler;
    },
  };
  const fire = (event: string, url?: string) => {
    let prevented = false;
    for (const listener of listeners.get(event) ?? []) listener({ preventDefault: () => (prevented = true), url }, url);
    return prevented;
  };
  return {
    contents: contents as unknown as GuardableWebContents,
    fire,
    open: (url: string) => windowOpenHandler?.({ url }),
  };
}

describe('main window options', () => {
  const { webPreferences } = mainWindowOptions('/app/preload/index.cjs', '#fff');
  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload/index.cjs',
    });
  });
});

describe('web-contents guard', () => {
  const opened: string[] = [];
  const setup = () => {
    const fake = fakeWebContents();
    guardWebContents(fake.contents, { trustedOrigins: [APP_ORIGIN], openExternal: (url) => opened.push(url) });
    return fake;
  };

  it('blocks navigation and redirects away from our origin, allows in-app navigation', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://console/index.html#/calls')).toBe(false);
  });

  it('refuses to attach any <webview>', () => {
    expect(setup().fire('will-attach-webview')).toBe(true);
  });

  it('denies every new window and hands only allowlisted https links to the OS browser', () => {
    const { open } = setup();
    opened.length = 0;
    expect(open('https://docs.myhubble.money/api/go-live')).toEqual({ action: 'deny' });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('app://console/index.html')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://docs.myhubble.money/api/go-live']);
  });
});

describe('session guard', () => {
  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler) => (checkHandler = handler),
    });
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      requestHandler!(null, permission, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(checkHandler!(null, 'media')).toBe(false);
  });

  it('never trusts a certificate that failed verification', () => {
    let prevented = false;
    let trusted: boolean | undefined;
    rejectCertificateErrors({ preventDefault: () => (prevented = true) }, (value) => (trusted = value));
    expect(prevented).toBe(true);
    expect(trusted).toBe(false);
  });
});

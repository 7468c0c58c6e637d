import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, nativeTheme, session, shell } from 'electron';
import { createConsoleCore } from './app/console-core.ts';
import { registerAppScheme, serveRenderer } from './electron/app-protocol.ts';
import { bindIpc } from './electron/ipc-binding.ts';
import { denyAllPermissions, rejectCertificateErrors } from './electron/session-guard.ts';
import { guardWebContents } from './electron/web-contents-guard.ts';
import { mainWindowOptions } from './electron/window-options.ts';
import { APP_ORIGIN } from './security/app-origin.ts';
import { isAllowedExternalUrl } from './security/external-links.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const trustedOrigins = devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN];

registerAppScheme();
app.enableSandbox();

const openExternal = (url: string) => {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
};

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { trustedOrigins, openExternal }));
app.on('certificate-error', (event, _contents, _url, _error, _certificate, callback) =>
  rejectCertificateErrors(event, callback),
);

async function main(): Promise<void> {
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(here, '../renderer'));

  const core = createConsoleCore({
    dataDir: app.getPath('userData'),
    shell: 'electron',
    version: app.getVersion(),
    onUnexpectedError: (where, error) =>
      console.error(`[main] ${where}:`, error instanceof Error ? error.message : 'error'),
  });
  await core.start();
  const unbind = bindIpc(core.router, core.events, trustedOrigins);

  const window = new BrowserWindow(
    mainWindowOptions(path.join(here, '../preload/index.cjs'), nativeTheme.shouldUseDarkColors ? '#0f1115' : '#ffffff'),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => app.quit());
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    // Quit waits for the core: the call log's queue is written before the process ends.
    event.preventDefault();
    stopped = true;
    unbind();
    core.stop().finally(() => app.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error('[main] the console could not start:', error instanceof Error ? error.message : 'unknown error');
  app.exit(1);
});

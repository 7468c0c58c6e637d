import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, nativeTheme, powerMonitor, session, shell } from 'electron';
import type { AlertFired, AlertsChanged } from '../shared/contract/alerts.ts';
import type { DesktopCommand } from '../shared/contract/events.ts';
import type { WalletSummary } from '../shared/contract/wallet.ts';
import type { ProfileList } from '../shared/contract/profiles.ts';
import { createConsoleCore } from './app/console-core.ts';
import { alertNotification } from './desktop/alert-notification.ts';
import { closeOutcome } from './desktop/close-to-tray.ts';
import { createCommandOutbox } from './desktop/command-outbox.ts';
import { parseDeepLink } from './desktop/deep-link.ts';
import { buildMenuTemplate } from './desktop/menu-template.ts';
import type { TrayInputs } from './desktop/tray-model.ts';
import { registerAppScheme, serveRenderer } from './electron/app-protocol.ts';
import { receiveDeepLinks } from './electron/deep-links.ts';
import { bindIpc } from './electron/ipc-binding.ts';
import { installApplicationMenu, installContextMenu } from './electron/menu.ts';
import { denyAllPermissions, rejectCertificateErrors } from './electron/session-guard.ts';
import { showNotification } from './electron/notifications.ts';
import { openFileDialog } from './electron/open-file-dialog.ts';
import { printHtmlToPdf } from './electron/print-to-pdf.ts';
import { claimSingleInstance } from './electron/single-instance.ts';
import { createConsoleTray } from './electron/tray.ts';
import { guardWebContents } from './electron/web-contents-guard.ts';
import { mainWindowOptions } from './electron/window-options.ts';
import { rememberPlacementOnClose, savedPlacement } from './electron/window-state.ts';
import { APP_ORIGIN } from './security/app-origin.ts';
import { isAllowedExternalUrl } from './security/external-links.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const resources = path.join(here, '../../resources');
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

let window: BrowserWindow | null = null;
const bringToFront = () => {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
let sendToWindow: (command: DesktopCommand) => void = () => {};
const pendingBeforeCore: DesktopCommand[] = [];
const openDeepLink = (raw: string) => {
  const link = parseDeepLink(raw);
  if (!link.ok) return console.warn(`[main] deep link refused: ${link.reason}`);
  if (window) sendToWindow(link.command);
  else pendingBeforeCore.push(link.command);
};

async function main(): Promise<void> {
  if (!claimSingleInstance((deepLink) => (deepLink ? openDeepLink(deepLink) : bringToFront()))) return;
  receiveDeepLinks(openDeepLink);
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(path.join(here, '../renderer'));

  const dataDir = app.getPath('userData');
  const core = createConsoleCore({
    dataDir,
    shell: 'electron',
    version: app.getVersion(),
    printToPdf: printHtmlToPdf,
    openFileDialog: openFileDialog,
    onUnexpectedError: (where, error) =>
      console.error(`[main] ${where}:`, error instanceof Error ? error.message : 'error'),
  });
  await core.start();
  // A schedule slot missed while the machine slept runs once, right after it wakes.
  powerMonitor.on('resume', () => core.kernel.jobs.wake());
  const unbind = bindIpc(core.router, core.events, trustedOrigins);

  const outbox = createCommandOutbox((command) => core.events.emit('desktop.command', command));
  sendToWindow = (command) => {
    outbox.send(command);
    bringToFront();
  };
  installApplicationMenu(
    buildMenuTemplate({ platform: process.platform, appName: app.getName(), development: !app.isPackaged }),
    sendToWindow,
  );

  const options = mainWindowOptions(
    path.join(here, '../preload/index.cjs'),
    nativeTheme.shouldUseDarkColors ? '#0f1115' : '#ffffff',
  );
  const placement = savedPlacement(dataDir, options, { width: options.minWidth, height: options.minHeight });
  const mainWindow = new BrowserWindow({ ...options, ...placement.bounds });
  window = mainWindow;
  rememberPlacementOnClose(mainWindow, dataDir);
  installContextMenu(mainWindow.webContents);
  mainWindow.webContents.on('did-start-loading', () => outbox.close());
  mainWindow.webContents.on('did-finish-load', () => outbox.open());
  mainWindow.once('ready-to-show', () => {
    if (placement.maximized) mainWindow.maximize();
    mainWindow.show();
  });
  for (const command of pendingBeforeCore.splice(0)) outbox.send(command);

  const trayInputs: TrayInputs = { profile: null, walletBalancePaise: null, firingAlerts: 0, windowVisible: true };
  const tray = createConsoleTray(path.join(resources, 'icons/tray.png'), (action) => {
    if (action.kind === 'quit') app.quit();
    else if (action.kind === 'command') sendToWindow(action.command);
    else if (mainWindow.isVisible()) mainWindow.hide();
    else bringToFront();
  });
  const showProfiles = (list: ProfileList) => {
    const active = list.profiles.find((profile) => profile.id === list.activeProfileId);
    const switched = trayInputs.profile?.name !== active?.name;
    trayInputs.profile = active ? { name: active.name, environment: active.environment } : null;
    if (switched) {
      trayInputs.walletBalancePaise = null;
      trayInputs.firingAlerts = 0;
      void showWallet();
    }
    tray?.update(trayInputs);
  };
  const showWallet = async () => {
    const summary = await core.router.dispatch('wallet.summary', undefined, { shell: 'electron' });
    if (!summary.ok) return;
    trayInputs.walletBalancePaise = (summary.value as WalletSummary).latest?.balancePaise ?? null;
    tray?.update(trayInputs);
  };
  const profiles = await core.router.dispatch('profiles.list', undefined, { shell: 'electron' });
  if (profiles.ok) showProfiles(profiles.value as ProfileList);
  const disconnectTray = core.events.connect((name, payload) => {
    if (name === 'profiles.changed') showProfiles(payload as ProfileList);
    else if (name === 'jobs.progress') {
      const progress = payload as { job: string; profileId: string; state: string };
      if (progress.job === 'wallet.poll' && progress.state === 'done' && progress.profileId === core.kernel.active.id())
        void showWallet();
    } else if (name === 'alerts.changed') {
      const changed = payload as AlertsChanged;
      if (changed.profileId !== core.kernel.active.id()) return;
      trayInputs.firingAlerts = changed.firing;
      tray?.update(trayInputs);
    } else if (name === 'alerts.fired') {
      const fired = payload as AlertFired;
      const profile = core.kernel.profiles.exists(fired.profileId) ? core.kernel.profiles.get(fired.profileId) : null;
      const notification = alertNotification(fired, profile?.name ?? null);
      showNotification(notification, () => sendToWindow(notification.onClick));
    }
  });
  const showVisibility = (visible: boolean) => {
    trayInputs.windowVisible = visible;
    tray?.update(trayInputs);
  };
  mainWindow.on('show', () => showVisibility(true));
  mainWindow.on('hide', () => showVisibility(false));

  let quitting = false;
  app.on('before-quit', () => (quitting = true));
  mainWindow.on('close', (event) => {
    if (
      closeOutcome({ closeToTray: core.kernel.settings.closeToTray(), quitting, trayShown: tray !== null }) ===
      'hide-to-tray'
    ) {
      event.preventDefault();
      mainWindow.hide();
    }
  });
  await mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);

  app.on('window-all-closed', () => app.quit());
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    // Quit waits for the core: the call log's queue is written before the process ends.
    event.preventDefault();
    stopped = true;
    disconnectTray();
    tray?.destroy();
    unbind();
    core.stop().finally(() => app.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error('[main] the console could not start:', error instanceof Error ? error.message : 'unknown error');
  app.exit(1);
});

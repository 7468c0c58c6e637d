/**
 * The main window's options, as plain data so a test can assert every security switch without Electron.
 * Each webPreference is spelled out even where Electron's default agrees, so a changed default cannot
 * quietly weaken the window.
 */
export function mainWindowOptions(preloadPath: string, backgroundColor: string) {
  return {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor,
    title: 'Hubble Ops Console',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  } as const;
}

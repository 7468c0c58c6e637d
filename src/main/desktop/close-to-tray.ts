/** What closing the main window does. */
export type CloseOutcome = 'hide-to-tray' | 'close';

/**
 * With close-to-tray on (off by default), closing the window keeps the console running in the tray so its jobs
 * and alerts go on; a real quit (menu, tray, Cmd+Q, OS shutdown) always closes. Without a tray (it failed to
 * appear) hiding would leave no way back, so the window closes.
 */
export function closeOutcome(state: { closeToTray: boolean; quitting: boolean; trayShown: boolean }): CloseOutcome {
  return state.closeToTray && state.trayShown && !state.quitting ? 'hide-to-tray' : 'close';
}

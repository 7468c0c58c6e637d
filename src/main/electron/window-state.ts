import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import {
  readWindowState,
  rememberPlacement,
  restorePlacement,
  type DisplayArea,
  type WindowPlacement,
} from '../desktop/window-state.ts';

const FILE = 'window-state.json';

const displays = (): DisplayArea[] =>
  screen.getAllDisplays().map((display) => ({ id: display.id, workArea: display.workArea }));

const readFile = (file: string): string | null => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};

/** Where the main window should open on today's displays (desktop/window-state.ts decides). */
export function savedPlacement(
  dataDir: string,
  defaultSize: { width: number; height: number },
  minimum: { width: number; height: number },
): WindowPlacement {
  return restorePlacement({
    state: readWindowState(readFile(path.join(dataDir, FILE))),
    displays: displays(),
    primaryDisplayId: screen.getPrimaryDisplay().id,
    defaultSize,
    minimum,
  });
}

/** Writes the window's placement for the current display layout when it is closed. */
export function rememberPlacementOnClose(window: BrowserWindow, dataDir: string): void {
  window.on('close', () => {
    const file = path.join(dataDir, FILE);
    const placement = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    const next = rememberPlacement(readWindowState(readFile(file)), displays(), placement);
    try {
      fs.writeFileSync(file, JSON.stringify(next));
    } catch {
      // A window that opens centred next time is better than a quit that fails.
    }
  });
}

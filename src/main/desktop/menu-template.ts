import type { DesktopCommand } from '../../shared/contract/events.ts';
import { CONSOLE_AREAS } from './console-areas.ts';

/** Electron's built-in menu roles this console uses (each brings its own label, accelerator and behaviour). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'appMenu'
  | 'help';

/** One menu entry as plain data; the thin Electron file (electron/menu.ts) turns `command` into a click. */
export interface MenuItemSpec {
  role?: MenuRole;
  type?: 'separator';
  label?: string;
  accelerator?: string;
  /**
   * false: the accelerator is shown but the window handles the key itself (the renderer's Ctrl/Cmd+K, Ctrl/Cmd+1…9
   * and `?` work the same in the browser harness, where there is no native menu).
   */
  registerAccelerator?: boolean;
  command?: DesktopCommand;
  submenu?: MenuItemSpec[];
}

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** reload and the developer tools exist only in a development build */
  development: boolean;
}

const separator: MenuItemSpec = { type: 'separator' };

const goMenu = (): MenuItemSpec => ({
  label: '&Go',
  submenu: [
    {
      label: 'Command Palette…',
      accelerator: 'CmdOrCtrl+K',
      registerAccelerator: false,
      command: { kind: 'open-palette' },
    },
    separator,
    ...CONSOLE_AREAS.map((area, index): MenuItemSpec => ({
      label: area.label,
      accelerator: `CmdOrCtrl+${index + 1}`,
      registerAccelerator: false,
      command: { kind: 'go', area: area.id },
    })),
  ],
});

/** The application menu: the platform's standard roles around a Go menu that reaches every area. */
export function buildMenuTemplate(context: MenuContext): MenuItemSpec[] {
  const mac = context.platform === 'darwin';
  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: context.appName,
          submenu: [
            { role: 'about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemSpec = { label: '&File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] };
  const edit: MenuItemSpec = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : [{ role: 'delete' } as const]),
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemSpec = {
    label: '&View',
    submenu: [
      ...(context.development ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, separator] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemSpec = {
    label: '&Window',
    role: 'window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, separator, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemSpec = {
    label: '&Help',
    role: 'help',
    submenu: [
      {
        label: 'Keyboard Shortcuts',
        accelerator: '?',
        registerAccelerator: false,
        command: { kind: 'show-shortcuts' },
      },
      ...(mac ? [] : [separator, { role: 'about' } as const]),
    ],
  };
  return [...appMenu, file, edit, view, goMenu(), window, help];
}

/** Every item of a template, depth first (for tests and for finding commands). */
export function flattenMenu(items: readonly MenuItemSpec[]): MenuItemSpec[] {
  return items.flatMap((item) => [item, ...flattenMenu(item.submenu ?? [])]);
}

import { clipboard, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import type { DesktopCommand } from '../../shared/contract/events.ts';
import { contextMenuFor, type ContextMenuItem } from '../desktop/context-menu.ts';
import type { MenuItemSpec } from '../desktop/menu-template.ts';

const toElectron = (item: ContextMenuItem, send: (command: DesktopCommand) => void): MenuItemConstructorOptions => {
  const { command, copyText, submenu, ...rest } = item;
  return {
    ...rest,
    ...(submenu ? { submenu: submenu.map((child) => toElectron(child, send)) } : {}),
    ...(command ? { click: () => send(command) } : {}),
    ...(copyText !== undefined ? { click: () => clipboard.writeText(copyText) } : {}),
  };
};

/** The native application menu, built from the template data in desktop/menu-template.ts. */
export function installApplicationMenu(template: MenuItemSpec[], send: (command: DesktopCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map((item) => toElectron(item, send))));
}

/** Right-click in the window: the menu desktop/context-menu.ts builds from the selection, or nothing. */
export function installContextMenu(contents: WebContents): void {
  contents.on('context-menu', (_event, params) => {
    const items = contextMenuFor(params);
    if (items.length === 0) return;
    Menu.buildFromTemplate(items.map((item) => toElectron(item, () => {}))).popup();
  });
}

import { describe, expect, it } from 'vitest';
import { CONSOLE_AREAS } from '../../../src/main/desktop/console-areas.ts';
import { buildMenuTemplate, flattenMenu } from '../../../src/main/desktop/menu-template.ts';

const menu = (platform: NodeJS.Platform, development = false) =>
  buildMenuTemplate({ platform, appName: 'Hubble Ops Console', development });

describe('application menu template', () => {
  it('on macOS starts with the app menu (about, services, hide, quit)', () => {
    const [appMenu] = menu('darwin');
    expect(appMenu!.label).toBe('Hubble Ops Console');
    expect(appMenu!.submenu!.map((item) => item.role).filter(Boolean)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
  });

  it('elsewhere has no app menu; File quits and Help has About', () => {
    const template = menu('win32');
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Go', '&Window', '&Help']);
    expect(template[0]!.submenu).toEqual([{ role: 'quit' }]);
    expect(flattenMenu(template).filter((item) => item.role === 'about')).toHaveLength(1);
  });

  it('has the standard edit roles, so copy and paste work in every field', () => {
    const roles = flattenMenu(menu('linux')).map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'] as const) expect(roles).toContain(role);
  });

  it('reaches every area with its Ctrl/Cmd+number shown, handled by the window', () => {
    const go = menu('linux').find((item) => item.label === '&Go')!;
    const areas = go.submenu!.filter((item) => item.command?.kind === 'go');
    expect(areas.map((item) => [item.label, item.accelerator, item.command])).toEqual(
      CONSOLE_AREAS.map((area, index) => [area.label, `CmdOrCtrl+${index + 1}`, { kind: 'go', area: area.id }]),
    );
    expect(areas.every((item) => item.registerAccelerator === false)).toBe(true);
  });

  it('shows the palette and the shortcut help with their keys', () => {
    const items = flattenMenu(menu('darwin'));
    expect(items.find((item) => item.command?.kind === 'open-palette')?.accelerator).toBe('CmdOrCtrl+K');
    expect(items.find((item) => item.command?.kind === 'show-shortcuts')?.accelerator).toBe('?');
  });

  it('offers reload and the developer tools only in a development build', () => {
    const roles = (development: boolean) => flattenMenu(menu('linux', development)).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const builderYml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
// electron-builder's own YAML reader and schema check (app-builder-lib), reached through electron-builder.
const fromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder'));
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};

type Config = Record<string, unknown> & {
  mac: { icon: string; target: string[] };
  win: { icon: string; target: string[] };
  nsis: { installerIcon: string; uninstallerIcon: string };
  dmg: { icon: string };
  linux: { icon: string; target: string[] };
  protocols: Array<{ name: string; schemes: string[] }>;
  electronFuses: Record<string, boolean>;
  files: string[];
};
const config = yaml.load(builderYml) as Config;

const pngSize = (file: string) => {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
};

describe('packaging', () => {
  it('is a valid electron-builder configuration (its own schema)', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('sets the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and loose app loading', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config['asar']).toBe(true);
    expect(config['appId']).toBe('money.myhubble.ops-console');
  });

  it('never ships the browser harness, its bridge preload, sources or the icon sources', () => {
    for (const excluded of ['!out/renderer-browser/**', '!src/**', '!tests/**', '!resources/build/**'])
      expect(config.files).toContain(excluded);
    const electronViteConfig = fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8');
    expect(electronViteConfig).not.toContain('harness');
  });

  it('builds every target the design names', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('registers hubble-ops:// — the scheme the deep-link parser accepts', async () => {
    const { DEEP_LINK_SCHEME } = await import('../../../src/main/desktop/deep-link.ts');
    expect(config.protocols.flatMap((protocol) => protocol.schemes)).toEqual([DEEP_LINK_SCHEME]);
  });

  it('has every icon it names, in the sizes each platform needs', () => {
    const icns = fs.readFileSync(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(fs.readFileSync(path.join(root, config.dmg.icon)).equals(icns)).toBe(true);

    for (const file of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      const ico = fs.readFileSync(path.join(root, file));
      expect(ico.readUInt16LE(2)).toBe(1);
      const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    }

    const linuxDir = path.join(root, config.linux.icon);
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(pngSize(path.join(linuxDir, `${size}x${size}.png`))).toEqual({ width: size, height: size });
  });

  it('has the icons main loads at run time (tray, window), and they ship (under resources/, not resources/build)', () => {
    const mainSource = fs.readFileSync(path.join(root, 'src/main/index.ts'), 'utf8');
    expect(mainSource).toContain("'icons/tray.png'");
    expect(pngSize(path.join(root, 'resources/icons/tray.png'))).toEqual({ width: 16, height: 16 });
    expect(pngSize(path.join(root, 'resources/icons/tray@2x.png'))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(root, 'resources/icons/icon.png'))).toEqual({ width: 512, height: 512 });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const builderYml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

/** The `key: value` lines of one top-level block of electron-builder.yml. */
function block(name: string): Record<string, string> {
  const lines = builderYml.split('\n');
  const start = lines.findIndex((line) => line === `${name}:`);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+([A-Za-z0-9]+):\s*(.+)$/.exec(line);
    if (!match) break;
    entries[match[1]!] = match[2]!.trim();
  }
  return entries;
}

describe('packaging', () => {
  it('sets the Electron fuses that close run-as-node, NODE_OPTIONS, --inspect and loose app loading', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('never ships the browser harness or its bridge preload', () => {
    expect(builderYml).toContain("'!out/renderer-browser/**'");
    const electronViteConfig = fs.readFileSync(path.join(root, 'electron.vite.config.ts'), 'utf8');
    expect(electronViteConfig).not.toContain('harness');
  });

  it('builds every target the design names', () => {
    for (const target of ['dmg', 'zip', 'nsis', 'AppImage', 'deb'])
      expect(builderYml).toMatch(new RegExp(`- ${target}\\b`));
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURE = path.resolve(import.meta.dirname, '../../../src/renderer/src/features/calls');

describe('Calls components', () => {
  it('reach main only through the feature store, never by calling hubble() themselves', () => {
    const components = fs.readdirSync(FEATURE).filter((name) => name.endsWith('.tsx'));
    expect(components.length).toBeGreaterThan(5);
    const offenders = components.filter((name) => {
      const source = fs.readFileSync(path.join(FEATURE, name), 'utf8');
      return /from '\.\.\/\.\.\/hubble\.ts'/.test(source) || /\bhubble\(\)/.test(source);
    });
    expect(offenders).toEqual([]);
    expect(fs.readFileSync(path.join(FEATURE, 'calls-store.ts'), 'utf8')).toMatch(/\bhubble\(\)\.calls\./);
  });
});

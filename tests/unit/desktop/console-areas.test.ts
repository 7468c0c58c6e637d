import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AREA_IDS } from '../../../src/renderer/src/app/area-ids.ts';
import { CONSOLE_AREAS } from '../../../src/main/desktop/console-areas.ts';

describe("main's copy of the console's areas", () => {
  it('lists the renderer registry’s areas, in sidebar order, with the same labels', () => {
    expect(CONSOLE_AREAS.map((area) => area.id)).toEqual([...AREA_IDS]);
    // The registry imports React pages, so its labels are read from its source rather than imported in Node.
    const registry = fs.readFileSync(
      path.resolve(import.meta.dirname, '../../../src/renderer/src/app/area-registry.tsx'),
      'utf8',
    );
    for (const area of CONSOLE_AREAS) expect(registry).toMatch(new RegExp(`['"]${area.label}['"]`));
  });
});

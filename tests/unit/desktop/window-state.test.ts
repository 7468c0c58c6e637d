import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampToArea,
  EMPTY_WINDOW_STATE,
  readWindowState,
  rememberPlacement,
  restorePlacement,
  type DisplayArea,
} from '../../../src/main/desktop/window-state.ts';

const laptop: DisplayArea = { id: 1, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayArea = { id: 2, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
const defaults = { defaultSize: { width: 1360, height: 860 }, minimum: { width: 960, height: 600 } };

const restore = (state = EMPTY_WINDOW_STATE, displays = [laptop], primaryDisplayId = 1) =>
  restorePlacement({ state, displays, primaryDisplayId, ...defaults });

describe('window state', () => {
  it('opens centred on the primary display the first time', () => {
    expect(restore()).toEqual({ bounds: { x: 40, y: 33, width: 1360, height: 860 }, maximized: false });
  });

  it('remembers a placement per display layout: docked and undocked each come back where they were', () => {
    const docked = rememberPlacement(EMPTY_WINDOW_STATE, [laptop, monitor], {
      bounds: { x: 1600, y: 100, width: 1800, height: 1100 },
      maximized: true,
    });
    const both = rememberPlacement(docked, [laptop], {
      bounds: { x: 10, y: 30, width: 1000, height: 700 },
      maximized: false,
    });
    expect(restore(both, [laptop, monitor])).toEqual({
      bounds: { x: 1600, y: 100, width: 1800, height: 1100 },
      maximized: true,
    });
    expect(restore(both, [laptop])).toEqual({ bounds: { x: 10, y: 30, width: 1000, height: 700 }, maximized: false });
  });

  it('pulls a window left on an unplugged or resized display back onto a visible work area', () => {
    const state = rememberPlacement(EMPTY_WINDOW_STATE, [laptop], {
      bounds: { x: 5000, y: -300, width: 3000, height: 2000 },
      maximized: false,
    });
    expect(restore(state, [laptop]).bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('keeps at most eight layouts, the newest', () => {
    let state = EMPTY_WINDOW_STATE;
    for (let id = 1; id <= 12; id += 1)
      state = rememberPlacement(state, [{ id, workArea: laptop.workArea }], {
        bounds: laptop.workArea,
        maximized: false,
      });
    expect(Object.keys(state.byLayout)).toHaveLength(8);
    expect(Object.keys(state.byLayout).at(-1)).toContain('12:');
  });

  it('ignores a missing, corrupt or foreign state file', () => {
    expect(readWindowState(null)).toEqual(EMPTY_WINDOW_STATE);
    expect(readWindowState('{not json')).toEqual(EMPTY_WINDOW_STATE);
    expect(readWindowState('{"version":2,"byLayout":{}}')).toEqual(EMPTY_WINDOW_STATE);
    expect(
      readWindowState(
        '{"version":1,"byLayout":{"k":{"bounds":{"x":0,"y":0,"width":-5,"height":1},"maximized":false}}}',
      ),
    ).toEqual(EMPTY_WINDOW_STATE);
  });

  it('always lands entirely inside a work area, whatever was saved', () => {
    const rect = fc.record({
      x: fc.integer({ min: -10_000, max: 10_000 }),
      y: fc.integer({ min: -10_000, max: 10_000 }),
      width: fc.integer({ min: 1, max: 8000 }),
      height: fc.integer({ min: 1, max: 8000 }),
    });
    const area = fc.record({
      x: fc.integer({ min: -4000, max: 4000 }),
      y: fc.integer({ min: -4000, max: 4000 }),
      width: fc.integer({ min: 800, max: 6000 }),
      height: fc.integer({ min: 600, max: 4000 }),
    });
    fc.assert(
      fc.property(rect, fc.array(area, { minLength: 1, maxLength: 3 }), (saved, areas) => {
        const displays = areas.map((workArea, index) => ({ id: index + 1, workArea }));
        const state = rememberPlacement(EMPTY_WINDOW_STATE, displays, { bounds: saved, maximized: false });
        const { bounds } = restore(state, displays, 1);
        expect(
          displays.some(
            ({ workArea: a }) =>
              bounds.x >= a.x &&
              bounds.y >= a.y &&
              bounds.x + bounds.width <= a.x + a.width &&
              bounds.y + bounds.height <= a.y + a.height,
          ),
        ).toBe(true);
      }),
    );
  });

  it('never shrinks below the minimum size when the display is big enough', () => {
    expect(clampToArea({ x: 0, y: 0, width: 200, height: 100 }, laptop.workArea, defaults.minimum)).toEqual({
      x: 0,
      y: 25,
      width: 960,
      height: 600,
    });
  });
});

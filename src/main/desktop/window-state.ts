import { z } from 'zod';

const rectangleSchema = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rectangle = z.infer<typeof rectangleSchema>;

/** A display as the layout sees it: `workArea` excludes the taskbar, dock and menu bar. */
export interface DisplayArea {
  id: number;
  workArea: Rectangle;
}

const placementSchema = z.strictObject({ bounds: rectangleSchema, maximized: z.boolean() });
export type WindowPlacement = z.infer<typeof placementSchema>;

/**
 * What window-state.json holds: the last placement per display layout (a laptop alone, the laptop with the
 * office monitor…) so docking and undocking each bring the window back where it was in that setup.
 */
export const windowStateSchema = z.strictObject({
  version: z.literal(1),
  byLayout: z.record(z.string().max(200), placementSchema),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const EMPTY_WINDOW_STATE: WindowState = { version: 1, byLayout: {} };

/** The layout's key: every display's id and work area, in a stable order. */
export function layoutKey(displays: readonly DisplayArea[]): string {
  return [...displays]
    .sort((a, b) => a.id - b.id)
    .map(({ id, workArea: w }) => `${id}:${w.x},${w.y},${w.width}x${w.height}`)
    .join('|')
    .slice(0, 200);
}

/** A state file that is missing, corrupt or from another version is ignored, never trusted. */
export function readWindowState(json: string | null): WindowState {
  if (json === null) return EMPTY_WINDOW_STATE;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : EMPTY_WINDOW_STATE;
  } catch {
    return EMPTY_WINDOW_STATE;
  }
}

const MAX_LAYOUTS = 8;

export function rememberPlacement(
  state: WindowState,
  displays: readonly DisplayArea[],
  placement: WindowPlacement,
): WindowState {
  const key = layoutKey(displays);
  const others = Object.entries(state.byLayout).filter(([existing]) => existing !== key);
  // The newest layouts win; an old docking station's entry goes first.
  return { version: 1, byLayout: Object.fromEntries([...others.slice(-(MAX_LAYOUTS - 1)), [key, placement]]) };
}

const overlap = (a: Rectangle, b: Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** Fits `bounds` inside `area`: shrunk to it at most (never below the minimum), then moved fully onto it. */
export function clampToArea(bounds: Rectangle, area: Rectangle, minimum: { width: number; height: number }): Rectangle {
  const width = Math.max(Math.min(bounds.width, area.width), Math.min(minimum.width, area.width));
  const height = Math.max(Math.min(bounds.height, area.height), Math.min(minimum.height, area.height));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

export interface RestoreInput {
  state: WindowState;
  displays: readonly DisplayArea[];
  primaryDisplayId: number;
  defaultSize: { width: number; height: number };
  minimum: { width: number; height: number };
}

/**
 * Where the window opens: the placement saved for this exact layout, else centred on the primary display.
 * Either way it lands on the display it overlaps most and entirely inside that display's work area, so a
 * monitor unplugged since (or a resolution change) never leaves the window off screen.
 */
export function restorePlacement(input: RestoreInput): WindowPlacement {
  const primary = input.displays.find((display) => display.id === input.primaryDisplayId) ?? input.displays[0];
  if (!primary) {
    return { bounds: { x: 0, y: 0, ...input.defaultSize }, maximized: false };
  }
  const saved = input.state.byLayout[layoutKey(input.displays)];
  if (saved) {
    const target = input.displays.reduce((best, display) =>
      overlap(saved.bounds, display.workArea) > overlap(saved.bounds, best.workArea) ? display : best,
    );
    const home = overlap(saved.bounds, target.workArea) > 0 ? target : primary;
    return { bounds: clampToArea(saved.bounds, home.workArea, input.minimum), maximized: saved.maximized };
  }
  const area = primary.workArea;
  const width = Math.min(input.defaultSize.width, area.width);
  const height = Math.min(input.defaultSize.height, area.height);
  const centred = {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
  return { bounds: clampToArea(centred, area, input.minimum), maximized: false };
}

/**
 * Every area of the console (DESIGN.md §3), in sidebar order. Only the ids live here, so the navigation store
 * can check a URL against them without importing the pages (area-registry.tsx imports the navigation store
 * through the pages).
 */
export const AREA_IDS = [
  'dashboard',
  'orders',
  'catalog',
  'wallet',
  'calls',
  'webhooks',
  'alerts',
  'profiles',
  'go-live',
  'team',
] as const;

export type AreaId = (typeof AREA_IDS)[number];

/** Where the console opens when the URL names no area. */
export const START_AREA: AreaId = 'dashboard';

export const isAreaId = (value: string): value is AreaId => (AREA_IDS as readonly string[]).includes(value);

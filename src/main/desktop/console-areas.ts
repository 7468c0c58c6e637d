/**
 * The console's areas as the native menu and deep links name them, in sidebar order. The renderer's registry
 * (src/renderer/src/app/area-ids.ts, area-registry.tsx) is the source; main cannot import it, so
 * tests/unit/desktop/console-areas.test.ts keeps the two lists equal.
 */
export const CONSOLE_AREAS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'orders', label: 'Orders' },
  { id: 'catalog', label: 'Catalog' },
  { id: 'wallet', label: 'Wallet' },
  { id: 'calls', label: 'Calls' },
  { id: 'webhooks', label: 'Webhooks' },
  { id: 'alerts', label: 'Alerts' },
  { id: 'profiles', label: 'Profiles' },
  { id: 'go-live', label: 'Go-Live' },
  { id: 'team', label: 'Team' },
] as const;

export type ConsoleAreaId = (typeof CONSOLE_AREAS)[number]['id'];

export const CONSOLE_AREA_IDS = CONSOLE_AREAS.map((area) => area.id) as unknown as readonly [
  ConsoleAreaId,
  ...ConsoleAreaId[],
];

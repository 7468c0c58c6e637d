import type { CatalogSchedule } from '../../../shared/contract/catalog.ts';

const HOUR_MS = 3_600_000;
const WEEK_HOURS = 7 * 24;

/**
 * How long the catalog may go without a successful sync before a slot of its schedule was missed: one period
 * plus a grace of a quarter period (at most an hour) for the sync that is due. The same rule as the catalog
 * area's staleness (docs/catalog.md, "Stale"); with syncing off, Hubble's own "at least weekly" applies.
 */
export function catalogAllowedAgeMs(stored: CatalogSchedule | null, catalogSyncHours: number): number {
  const periodHours = (() => {
    if (!stored) return catalogSyncHours;
    switch (stored.kind) {
      case 'off':
        return WEEK_HOURS;
      case 'hourly':
        return 1;
      case 'daily':
        return 24;
      case 'weekly':
        return WEEK_HOURS;
    }
  })();
  const period = periodHours * HOUR_MS;
  return stored?.kind === 'off' ? period : period + Math.min(period / 4, HOUR_MS);
}

export function describeSchedule(stored: CatalogSchedule | null, catalogSyncHours: number): string {
  if (!stored) {
    if (catalogSyncHours === 24) return 'daily (the profile’s catalog sync every 24 h)';
    if (catalogSyncHours === WEEK_HOURS) return 'weekly (the profile’s catalog sync every 168 h)';
    return `every ${catalogSyncHours} h (the profile’s catalog sync)`;
  }
  switch (stored.kind) {
    case 'off':
      return 'off (Hubble asks for at least a weekly sync)';
    case 'hourly':
      return `hourly at :${String(stored.minute).padStart(2, '0')}`;
    case 'daily':
      return `daily at ${stored.at}`;
    case 'weekly':
      return `weekly at ${stored.at}`;
  }
}

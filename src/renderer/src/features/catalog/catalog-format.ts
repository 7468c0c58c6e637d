import type { BrandRow, CatalogSchedule, EffectiveSchedule } from '../../../../shared/contract/catalog.ts';
import { formatPaise } from '../../components/money.ts';

export { formatPaise };

const percent = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });
const counts = new Intl.NumberFormat('en-IN');

/** 9,691 / 1,00,000: one formatter for the count shown at every keystroke (toLocaleString builds one per call). */
export const formatCount = (value: number) => counts.format(value);

/** 3%, 2.5%: a discount of 0.5 points matters to a campaign, so it is never rounded away. */
export const formatPercent = (value: number | null) => (value === null ? '—' : `${percent.format(value)}%`);

/** FIXED: the face values; otherwise the per-voucher range. */
export function faceValuesText(row: Pick<BrandRow, 'denominationsPaise' | 'faceMinPaise' | 'faceMaxPaise'>): string {
  if (row.denominationsPaise && row.denominationsPaise.length > 0)
    return row.denominationsPaise.map(formatPaise).join(', ');
  if (row.faceMinPaise === null && row.faceMaxPaise === null) return '—';
  if (row.faceMinPaise === row.faceMaxPaise) return formatPaise(row.faceMinPaise);
  return `${formatPaise(row.faceMinPaise)}–${formatPaise(row.faceMaxPaise)}`;
}

/** TOP_BRANDS → Top brands */
export const categoryLabel = (category: string) => {
  const words = category.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The schedule in words: "Daily at 02:00", "Every 6 hours". */
export function scheduleText(schedule: EffectiveSchedule | CatalogSchedule): string {
  const zone = 'timeZone' in schedule && schedule.timeZone ? ` (${schedule.timeZone})` : '';
  switch (schedule.kind) {
    case 'off':
      return 'Off';
    case 'hourly':
      return `Hourly at :${String(schedule.minute).padStart(2, '0')}${zone}`;
    case 'daily':
      return `Daily at ${schedule.at}${zone}`;
    case 'weekly':
      return `Weekly, ${DAYS[schedule.day]} at ${schedule.at}${zone}`;
    case 'interval':
      return schedule.hours === 1 ? 'Every hour' : `Every ${schedule.hours} hours`;
  }
}

export const WEEK_DAYS = DAYS;

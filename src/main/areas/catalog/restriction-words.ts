import type { ChangeKind, Restrictions } from '../../../shared/contract/catalog.ts';
import { formatPaise, formatPercent } from './rupees.ts';

interface RestrictedBrand {
  readonly denominationType: string | null;
  readonly denominationsPaise: readonly number[] | null;
  readonly restrictions: Restrictions;
}

const range = (min: number | null, max: number | null): string | null => {
  if (min !== null && max !== null) return min === max ? formatPaise(min) : `${formatPaise(min)}–${formatPaise(max)}`;
  if (min !== null) return `at least ${formatPaise(min)}`;
  if (max !== null) return `up to ${formatPaise(max)}`;
  return null;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * A brand's order rules in plain words, e.g. "₹100–₹10,000 per voucher, at most 5 vouchers per order, order
 * total ₹100–₹50,000" — the rules Hubble enforces with E150–E158.
 */
export function restrictionsText(brand: RestrictedBrand): string {
  const r = brand.restrictions;
  const parts: string[] = [];
  const fixed = brand.denominationType === 'FIXED' || (brand.denominationType === null && brand.denominationsPaise);
  if (fixed && brand.denominationsPaise)
    parts.push(`fixed values ${brand.denominationsPaise.map(formatPaise).join(', ')}`);
  else if (fixed) parts.push('fixed values (none listed)');
  const perVoucher = range(r.minVoucherPaise, r.maxVoucherPaise);
  if (perVoucher && !fixed) parts.push(`${perVoucher} per voucher`);
  else if (fixed && r.maxVoucherPaise !== null) parts.push(`vouchers up to ${formatPaise(r.maxVoucherPaise)}`);
  if (r.maxVouchersPerOrder !== null)
    parts.push(`at most ${plural(r.maxVouchersPerOrder, 'voucher', 'vouchers')} per order`);
  if (r.maxVouchersPerDenomination !== null)
    parts.push(`at most ${plural(r.maxVouchersPerDenomination, 'voucher', 'vouchers')} of one value`);
  if (r.maxDenominationsPerOrder !== null)
    parts.push(`at most ${plural(r.maxDenominationsPerOrder, 'value', 'different values')} per order`);
  const order = range(r.minOrderPaise, r.maxOrderPaise);
  if (order) parts.push(`order total ${order}`);
  if (parts.length === 0) return 'No amount restrictions listed';
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const RESTRICTION_LABELS: Record<string, string> = {
  minOrderPaise: 'Minimum order',
  maxOrderPaise: 'Maximum order',
  minVoucherPaise: 'Minimum per voucher',
  maxVoucherPaise: 'Maximum per voucher',
  maxVouchersPerOrder: 'Vouchers per order',
  maxVouchersPerDenomination: 'Vouchers of one value',
  maxDenominationsPerOrder: 'Different values per order',
};

const isMoneyField = (field: string | null) => field !== null && field.endsWith('Paise');

function valueText(kind: ChangeKind, field: string | null, value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (kind === 'denominations' && Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((paise) => formatPaise(Number(paise))).join(', ');
  if (kind === 'restriction' && isMoneyField(field) && typeof value === 'number') return formatPaise(value);
  if (kind === 'discount' && field === 'percent' && typeof value === 'number') return formatPercent(value);
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'object') {
    const status = (value as { status?: unknown }).status;
    return typeof status === 'string' ? status : JSON.stringify(value);
  }
  return String(value);
}

/** One change in plain words, e.g. "Status ACTIVE → INACTIVE", "Maximum per voucher ₹10,000 → ₹5,000". */
export function describeChange(kind: ChangeKind, field: string | null, oldValue: unknown, newValue: unknown): string {
  const from = valueText(kind, field, oldValue);
  const to = valueText(kind, field, newValue);
  switch (kind) {
    case 'added':
      return `Added (${to})`;
    case 'removed':
      return 'No longer in the catalog for this client';
    case 'status':
      return `Status ${from} → ${to}`;
    case 'denomination-type':
      return `Denomination type ${from} → ${to}`;
    case 'denominations':
      return `Denominations ${from} → ${to}`;
    case 'restriction':
      return `${RESTRICTION_LABELS[field ?? ''] ?? field ?? 'Restriction'} ${from} → ${to}`;
    case 'discount':
      return field === 'percent'
        ? `Discount ${from} → ${to}`
        : `Discount valid ${field === 'validTo' ? 'to' : 'from'} ${from} → ${to}`;
    case 'category':
      return `Categories ${from} → ${to}`;
    case 'name':
      return `Name ${from} → ${to}`;
  }
}

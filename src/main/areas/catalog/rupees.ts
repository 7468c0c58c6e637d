// Money rule: Hubble's brand data is in rupees (JSON numbers, maybe with decimals, maybe numeric text); the
// catalog stores whole paise so a cap or a face value never carries float drift into an order.

/** A rupee amount from Hubble → whole paise (rounded: a limit never needs sub-paise precision); null when absent. */
export function rupeesToPaise(rupees: unknown): number | null {
  const value = typeof rupees === 'string' && rupees.trim() !== '' ? Number(rupees) : rupees;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 100);
}

/** A count (vouchers per order…) from Hubble; null when absent or not a positive whole number. */
export function countOf(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}

const wholeRupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const rupeesAndPaise = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** ₹1,00,000 or ₹6,250.50: the rupee sign and Indian digit grouping (UX.md, "Money"). */
export const formatPaise = (paise: number): string =>
  (paise % 100 === 0 ? wholeRupees : rupeesAndPaise).format(paise / 100);

/** 5 → "5%", 7.5 → "7.5%". */
export const formatPercent = (percent: number): string =>
  `${Number.isInteger(percent) ? percent : Number(percent.toFixed(2))}%`;

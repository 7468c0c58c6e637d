// Money rule: Hubble speaks rupees (JSON numbers, possibly with two decimals); the console stores, sums and
// compares whole paise only, and converts at the edge so float drift never reaches an order or a wallet.

/** Rupees as Hubble sends them → whole paise; null when the value is not a whole number of paise. */
export function rupeesToPaise(rupees: number): number | null {
  if (!Number.isFinite(rupees)) return null;
  const paise = Math.round(rupees * 100);
  return Math.abs(rupees * 100 - paise) < 1e-6 ? paise : null;
}

/** A cap or limit from Hubble's brand data in paise (rounded: a limit never needs sub-paise precision). */
export const limitToPaise = (rupees: number | null | undefined): number | null =>
  rupees === null || rupees === undefined || !Number.isFinite(rupees) ? null : Math.round(rupees * 100);

/** Whole paise → the rupee number Hubble expects; exact for every whole-paise value JSON can print. */
export const paiseToRupees = (paise: number): number => paise / 100;

/** ₹6,250.50 with Indian digit grouping, for messages. */
export function formatPaise(paise: number): string {
  return new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: paise % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(paise / 100);
}

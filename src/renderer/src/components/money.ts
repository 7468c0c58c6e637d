/*
 * Money rule: an amount is a whole number of paise from the moment the operator types it. The typed rupees are
 * read as a decimal string (digits, then at most two after the point), never through a float, so ₹0.10 + ₹0.20
 * is 30 paise and ₹6,250.50 is exactly 625050.
 */

export type ParsedRupees = { ok: true; paise: number } | { ok: false; message: string };

/** What an operator may type: grouping commas and spaces, an optional ₹ or "Rs", two decimals at most. */
export function parseRupees(text: string): ParsedRupees {
  const cleaned = text
    .trim()
    .replace(/^(₹|rs\.?|inr)\s*/i, '')
    .replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: false, message: 'Enter an amount in rupees, e.g. 6250 or 6,250.50.' };
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) {
    return /^\d+\.\d{3,}$/.test(cleaned)
      ? { ok: false, message: 'At most two decimals: an amount is whole paise (₹0.01).' }
      : { ok: false, message: 'Not an amount: use digits, with at most two decimals.' };
  }
  const paise = BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  if (paise <= 0n) return { ok: false, message: 'The amount must be more than ₹0.' };
  if (paise > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: 'That amount is too large.' };
  return { ok: true, paise: Number(paise) };
}

const wholeRupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const withPaise = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** The decimal rupees of a paise amount as an exact string ("6250.50"), for formatting and editing. */
export function paiseToRupeesText(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const abs = BigInt(Math.abs(paise));
  const fraction = abs % 100n;
  return fraction === 0n ? `${sign}${abs / 100n}` : `${sign}${abs / 100n}.${String(fraction).padStart(2, '0')}`;
}

/** ₹ with Indian grouping: ₹1,00,000.50; whole rupees without ".00" (₹6,250). */
export function formatPaise(paise: number | null | undefined): string {
  if (paise === null || paise === undefined) return '—';
  const text = paiseToRupeesText(paise) as `${number}`;
  // Intl reads a decimal string exactly (no float on the way), so ₹9,00,71,99,25,47,409.91 keeps its paise.
  return (paise % 100 === 0 ? wholeRupees : withPaise).format(text);
}

const LAKH_PAISE = 100_000 * 100;
const CRORE_PAISE = 100 * LAKH_PAISE;

/** ₹12.4 L, ₹3.1 Cr; below a lakh the exact rupees (₹6,250). */
export function shortPaise(paise: number): string {
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  if (abs >= CRORE_PAISE) return `${sign}₹${trimmed(abs / CRORE_PAISE)} Cr`;
  if (abs >= LAKH_PAISE) return `${sign}₹${trimmed(abs / LAKH_PAISE)} L`;
  return formatPaise(Math.round(paise / 100) * 100);
}

const trimmed = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, ''));

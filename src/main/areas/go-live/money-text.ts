const INR = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 });

/** Whole paise as rupees with Indian grouping (₹10,00,000.00); money is never a float before this point. */
export const rupeesText = (paise: number): string => INR.format(paise / 100);

/** Hours as the operator reads a runway: "3 d 4 h", "5 h", "under 1 h". */
export function hoursText(hours: number): string {
  if (!Number.isFinite(hours)) return 'not spending';
  if (hours < 1) return 'under 1 h';
  const days = Math.floor(hours / 24);
  const rest = Math.floor(hours % 24);
  return days > 0 ? `${days} d ${rest} h` : `${rest} h`;
}

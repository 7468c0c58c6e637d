/**
 * The renderer's one date-time policy (UX.md): shown in the operator's locale and time zone, with the zone
 * named once per view, and always available as ISO 8601 (on hover and on copy, see DateTime.tsx).
 */

export interface DateTimeStyle {
  /** name the zone in the text itself: for a time shown alone, where no heading names it */
  withZone?: boolean;
  /** calls a few milliseconds apart must stay distinguishable */
  milliseconds?: boolean;
}

/** What the operator's OS is set to: Electron hands its locale to navigator, as browsers do. */
export const operatorLocale = (): string | undefined => navigator.languages?.[0] ?? navigator.language ?? undefined;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: string | undefined, style: DateTimeStyle): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${style.withZone === true}|${style.milliseconds === true}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
      ...(style.milliseconds ? { fractionalSecondDigits: 3 } : {}),
      ...(style.withZone ? { timeZoneName: 'short' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

const dateOf = (at: string | number) => new Date(at);
const isValid = (date: Date) => Number.isFinite(date.getTime());

/** An instant (ISO string or epoch ms) for display; what cannot be read as a time is shown as given. */
export function formatDateTime(at: string | number, style: DateTimeStyle = {}, locale = operatorLocale()): string {
  const date = dateOf(at);
  return isValid(date) ? formatterFor(locale, style).format(date) : String(at);
}

/** The same instant as ISO 8601 in UTC, for hover and copy. */
export function toIso(at: string | number): string {
  const date = dateOf(at);
  return isValid(date) ? date.toISOString() : String(at);
}

/** The operator's zone as the locale abbreviates it (e.g. IST, GMT+5:30), for a view's one zone label. */
export function timeZoneLabel(at: string | number = Date.now(), locale = operatorLocale()): string {
  const date = isValid(dateOf(at)) ? dateOf(at) : new Date();
  const parts = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(date);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

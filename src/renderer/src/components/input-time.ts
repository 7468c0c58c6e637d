const pad = (value: number) => String(value).padStart(2, '0');

/** epoch ms → a `datetime-local` value in the operator's zone (the filter form's own format). */
export function toInputTime(at: number | undefined): string {
  if (at === undefined) return '';
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the operator's zone) → epoch ms; empty or unreadable is no bound. */
export function fromInputTime(value: string): number | undefined {
  if (!value) return undefined;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : undefined;
}

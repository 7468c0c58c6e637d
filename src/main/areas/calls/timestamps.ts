/** The machine's time zone (IANA name), e.g. Asia/Kolkata. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * "2024-05-01 15:30:00.123 GMT+05:30 (Asia/Kolkata)": the local wall time with its offset and zone, so a
 * support agent and Hubble (in another zone) read the same instant.
 */
export function formatLocal(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  const offset = parts['timeZoneName'] === 'GMT' ? 'GMT+00:00' : parts['timeZoneName'];
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}.${parts['fractionalSecond']} ${offset} (${timeZone})`;
}

export const formatUtc = (at: number) => new Date(at).toISOString();

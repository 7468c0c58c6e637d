import type { CallSummary } from '../../../../shared/contract/calls.ts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const localHourMinute = (date: Date) => `${pad(date.getHours())}:${pad(date.getMinutes())}`;

/** Local time of day with milliseconds, for the compact table beside the detail panel. */
export function formatClock(at: number): string {
  const date = new Date(at);
  return `${localHourMinute(date)}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export const formatLatency = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);

/** What went wrong in one short label: the Hubble error id where there is one, the failure kind otherwise. */
export function outcomeLabel(call: Pick<CallSummary, 'outcome' | 'errorId' | 'errorCode' | 'errorKind'>): string {
  if (call.outcome === 'ok') return 'OK';
  const what = call.errorId
    ? `${call.errorId}${call.errorCode ? ` ${call.errorCode}` : ''}`
    : (call.errorKind ?? 'failed');
  return call.outcome === 'unknown' ? `UNKNOWN · ${what}` : what;
}

/** Pretty-prints a stored body when it is JSON; anything else is shown as stored. */
export function prettyBody(body: string | null): string {
  if (body === null || body === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

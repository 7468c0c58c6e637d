import { BALANCE_COLOURS } from './balance-series.tsx';

/**
 * Series colours: meaning only (UX.md) — green healthy, red failure, amber warning — and mid-tones that read on
 * the light and the dark background alike.
 */
export const COLOURS = {
  success: '#16a34a',
  failed: '#dc2626',
  processing: '#d97706',
  other: '#64748b',
  amount: '#6366f1',
  balance: BALANCE_COLOURS.balance,
  threshold: '#dc2626',
  minimum: BALANCE_COLOURS.minimum,
  p50: '#38bdf8',
  avg: '#6366f1',
  p95: '#f97316',
} as const;

/** One colour per failure kind of the taxonomy, in the order the stack is drawn. */
export const ERROR_KINDS: readonly { kind: string; label: string; colour: string }[] = [
  { kind: 'business', label: 'Business (E-code)', colour: '#d97706' },
  { kind: 'rate-limit', label: 'Rate limit', colour: '#a855f7' },
  { kind: 'auth', label: 'Auth', colour: '#db2777' },
  { kind: 'whitelisting', label: 'Whitelisting', colour: '#7c3aed' },
  { kind: 'not-found', label: 'Not found', colour: '#64748b' },
  { kind: 'server', label: 'Server', colour: '#dc2626' },
  { kind: 'timeout', label: 'Timeout', colour: '#ea580c' },
  { kind: 'network', label: 'Network', colour: '#0891b2' },
  { kind: 'invalid-response', label: 'Invalid response', colour: '#4b5563' },
];

export const kindLabel = (kind: string) => ERROR_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;

export const ANNOTATION_COLOURS: Record<string, string> = {
  'top-up': '#16a34a',
  'wallet-below-minimum': '#d97706',
  'alert-fired': '#dc2626',
  'alert-resolved': '#0ea5e9',
  'profile-switch': '#64748b',
};

import type { AlertCondition, AlertKind, AlertRule } from '../../../../shared/contract/alerts.ts';
import { formatPaise } from '../../components/money.ts';
import { formatHours } from '../../components/chart-format.ts';

export const KIND_WORDS: Record<AlertKind, string> = {
  'success-rate': 'Order success rate drops',
  'wallet-below-minimum': 'Wallet below minimum',
  runway: 'Wallet runway short',
  'error-spike': 'Error rate spikes',
  'webhook-failures': 'Webhook failures',
  'rate-limit': 'Rate limit approaching',
  'stuck-processing': 'Orders stuck in PROCESSING',
};

/** The rule's condition in words, with its thresholds and window. */
export function describeCondition(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'success-rate':
      return `below ${condition.belowPercent}% over ${condition.windowMinutes} min (at least ${condition.minSamples} decided orders)`;
    case 'wallet-below-minimum':
      return 'balance below the profile’s wallet minimum';
    case 'runway':
      return `less than ${formatHours(condition.belowHours)} until E300`;
    case 'error-spike':
      return `error rate ${condition.factor}× the previous ${condition.windowMinutes} min (at least ${condition.minCalls} calls)`;
    case 'webhook-failures':
      return `${condition.atLeast} or more refused or failed webhooks in ${condition.windowMinutes} min`;
    case 'rate-limit':
      return `any rate limit above ${condition.abovePercent}% of its window`;
    case 'stuck-processing':
      return `${condition.atLeast} or more orders PROCESSING for over ${condition.olderThanMinutes} min`;
  }
}

/** The measured value in the unit of its kind (percent, rupees, hours, ratio or count). */
export function formatValue(kind: string, value: number | null): string {
  if (value === null) return 'no data';
  switch (kind) {
    case 'success-rate':
    case 'rate-limit':
      return `${value.toFixed(1)}%`;
    case 'wallet-below-minimum':
      return formatPaise(Math.round(value * 100));
    case 'runway':
      return formatHours(value);
    case 'error-spike':
      return `${value.toFixed(1)}×`;
    default:
      return String(Math.round(value));
  }
}

export const STATE_WORDS: Record<AlertRule['state'], string> = {
  ok: 'OK',
  pending: 'Pending',
  firing: 'Firing',
  resolved: 'Resolved',
};

/** A new rule of a kind, with the go-live guide's thresholds. */
export function defaultCondition(kind: AlertKind): AlertCondition {
  switch (kind) {
    case 'success-rate':
      return { kind, belowPercent: 95, windowMinutes: 15, minSamples: 20 };
    case 'wallet-below-minimum':
      return { kind };
    case 'runway':
      return { kind, belowHours: 24 };
    case 'error-spike':
      return { kind, windowMinutes: 15, factor: 3, minCalls: 50 };
    case 'webhook-failures':
      return { kind, windowMinutes: 60, atLeast: 1 };
    case 'rate-limit':
      return { kind, abovePercent: 80 };
    case 'stuck-processing':
      return { kind, olderThanMinutes: 30, atLeast: 1 };
  }
}

import type { AlertRuleInput } from '../../../shared/contract/alerts.ts';

/**
 * The alerts Hubble's go-live guide asks for, created once per profile (the operator may change or delete
 * them; deleted ones do not come back).
 */
export const DEFAULT_RULES: readonly AlertRuleInput[] = [
  {
    name: 'Order success rate below 95%',
    enabled: true,
    forMinutes: 2,
    reNotifyMinutes: 60,
    condition: { kind: 'success-rate', belowPercent: 95, windowMinutes: 15, minSamples: 20 },
  },
  {
    name: 'Wallet below minimum',
    enabled: true,
    forMinutes: 0,
    reNotifyMinutes: 240,
    condition: { kind: 'wallet-below-minimum' },
  },
  {
    name: 'Wallet runway under 24 h',
    enabled: true,
    forMinutes: 0,
    reNotifyMinutes: 240,
    condition: { kind: 'runway', belowHours: 24 },
  },
  {
    name: 'Error spike',
    enabled: true,
    forMinutes: 2,
    reNotifyMinutes: 60,
    condition: { kind: 'error-spike', windowMinutes: 15, factor: 3, minCalls: 50 },
  },
  {
    name: 'Webhook deliveries refused',
    enabled: true,
    forMinutes: 0,
    reNotifyMinutes: 60,
    condition: { kind: 'webhook-failures', windowMinutes: 60, atLeast: 1 },
  },
  {
    name: 'Rate limit above 80%',
    enabled: true,
    forMinutes: 0,
    reNotifyMinutes: 60,
    condition: { kind: 'rate-limit', abovePercent: 80 },
  },
  {
    name: 'Orders stuck in PROCESSING',
    enabled: true,
    forMinutes: 0,
    reNotifyMinutes: 120,
    condition: { kind: 'stuck-processing', olderThanMinutes: 30, atLeast: 1 },
  },
];

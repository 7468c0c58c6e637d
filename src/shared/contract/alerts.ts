import { z } from 'zod';
import { operation } from './define.ts';

const minutes = (max: number) => z.number().int().min(0).max(max);

/** What every rule has: a name, whether it runs, how long a breach must last, how often a firing alert repeats. */
const common = {
  name: z.string().trim().min(1).max(80),
  enabled: z.boolean(),
  /** a breach must last this long (pending) before the alert fires; 0 fires at the first breached evaluation */
  forMinutes: minutes(120),
  /** a firing alert that is neither acknowledged nor snoozed notifies again this often; 0 never */
  reNotifyMinutes: minutes(24 * 60),
};

/** Each kind with its own thresholds; clear levels (hysteresis) are documented in docs/alerts.md. */
export const alertConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('success-rate'),
    belowPercent: z.number().min(0).max(100),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    /** fewer decided orders (SUCCESS + FAILED) than this in the window: no verdict */
    minSamples: z.number().int().min(1).max(100_000),
  }),
  z.strictObject({ kind: z.literal('wallet-below-minimum') }),
  z.strictObject({
    kind: z.literal('runway'),
    belowHours: z
      .number()
      .positive()
      .max(24 * 365),
  }),
  z.strictObject({
    kind: z.literal('error-spike'),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    /** fires when the error rate of the window is at least this many times the previous window's */
    factor: z.number().min(1).max(1000),
    /** calls needed in the window for a verdict */
    minCalls: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({
    kind: z.literal('webhook-failures'),
    windowMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    atLeast: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({ kind: z.literal('rate-limit'), abovePercent: z.number().min(1).max(100) }),
  z.strictObject({
    kind: z.literal('stuck-processing'),
    olderThanMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    atLeast: z.number().int().min(1).max(1_000_000),
  }),
]);
export type AlertCondition = z.infer<typeof alertConditionSchema>;
export type AlertKind = AlertCondition['kind'];

export const alertRuleInputSchema = z.strictObject({
  /** absent: a new rule */
  id: z.number().int().min(1).optional(),
  ...common,
  condition: alertConditionSchema,
});
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

export const alertStateSchema = z.enum(['ok', 'pending', 'firing', 'resolved']);
export type AlertStateName = z.infer<typeof alertStateSchema>;

export const alertRuleSchema = z.object({
  id: z.number().int(),
  ...common,
  condition: alertConditionSchema,
  state: alertStateSchema,
  /** when the rule entered its state */
  since: z.number().int(),
  /** the last measured value (percent, rupees, hours, ratio or count by kind); null: no data */
  value: z.number().nullable(),
  evaluatedAt: z.number().int().nullable(),
  acknowledgedAt: z.number().int().nullable(),
  snoozedUntil: z.number().int().nullable(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertEventSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  kind: z.string(),
  event: z.enum(['pending', 'fired', 'renotified', 'resolved', 'cleared', 'acknowledged', 'snoozed']),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  message: z.string(),
  at: z.number().int(),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;

/**
 * The payload of the `alerts.fired` event (a notification to raise: desktop and toast). Built from the rule's
 * name and numbers only: never a secret, a customer detail or card data.
 */
export const alertFiredSchema = z.object({
  profileId: z.string(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  kind: z.string(),
  /** 'fired' the first time, 'renotified' when repeated */
  event: z.enum(['fired', 'renotified']),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  message: z.string(),
  at: z.number().int(),
  /** the Dashboard's range that explains it (the page a click opens) */
  explain: z.object({ from: z.number().int(), to: z.number().int() }),
});
export type AlertFired = z.infer<typeof alertFiredSchema>;

/** The payload of `alerts.changed`: a rule changed state (the sidebar badge counts firing alerts). */
export const alertsChangedSchema = z.object({ profileId: z.string(), firing: z.number().int().nonnegative() });
export type AlertsChanged = z.infer<typeof alertsChangedSchema>;

const ruleId = z.strictObject({ id: z.number().int().min(1) });

export const alertsOperations = {
  rules: operation({
    summary: 'The active profile’s alert rules with their current state',
    input: z.undefined(),
    output: z.object({ rules: z.array(alertRuleSchema), muted: z.boolean() }),
  }),
  saveRule: operation({
    summary: 'Create an alert rule, or replace one (its state starts again from ok when its condition changed)',
    input: alertRuleInputSchema,
    output: alertRuleSchema,
  }),
  deleteRule: operation({
    summary: 'Delete an alert rule (its history stays)',
    input: ruleId,
    output: z.object({ deleted: z.boolean() }),
  }),
  list: operation({
    summary: 'The alert centre: rules pending or firing now, and the history (newest first)',
    input: z.strictObject({
      limit: z.number().int().min(1).max(1000).default(200),
      /** history older than this event id (paging) */
      before: z.number().int().min(1).optional(),
    }),
    output: z.object({
      active: z.array(alertRuleSchema),
      history: z.array(alertEventSchema),
      firing: z.number().int(),
    }),
  }),
  acknowledge: operation({
    summary: 'Acknowledge a firing alert: no more re-notifications until it resolves',
    input: ruleId,
    output: alertRuleSchema,
  }),
  snooze: operation({
    summary: 'Snooze a rule’s notifications for a while (the rule is still evaluated and its history kept)',
    input: z.strictObject({
      id: z.number().int().min(1),
      minutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60),
    }),
    output: alertRuleSchema,
  }),
  setMute: operation({
    summary: 'Mute (or unmute) every notification of the active profile; alerts are still evaluated and listed',
    input: z.strictObject({ muted: z.boolean() }),
    output: z.object({ muted: z.boolean() }),
  }),
};

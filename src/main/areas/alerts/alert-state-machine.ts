import type { AlertStateName } from '../../../shared/contract/alerts.ts';

/**
 * One evaluation of a rule. `breached` and `cleared` are two different levels (hysteresis): a value between them
 * changes nothing, so a value hovering at the threshold cannot flap between firing and resolved. Neither with
 * `value` null is "no data" (too few samples, no wallet reading…).
 */
export interface Measurement {
  readonly value: number | null;
  readonly threshold: number | null;
  readonly breached: boolean;
  readonly cleared: boolean;
  /** numbers and the rule's own words only: it reaches notifications */
  readonly message: string;
}

export interface RuleState {
  readonly state: AlertStateName;
  readonly since: number;
  readonly value: number | null;
  readonly evaluatedAt: number | null;
  readonly notifiedAt: number | null;
  readonly acknowledgedAt: number | null;
  readonly snoozedUntil: number | null;
}

export interface RuleTiming {
  readonly forMinutes: number;
  readonly reNotifyMinutes: number;
}

export type StepEvent = 'pending' | 'fired' | 'renotified' | 'resolved' | 'cleared';

export interface StepResult {
  readonly next: RuleState;
  readonly events: StepEvent[];
  /** a notification to raise now (the caller still honours the profile's mute) */
  readonly notify: 'fired' | 'renotified' | null;
}

const MINUTE_MS = 60_000;

export const initialRuleState = (now: number): RuleState => ({
  state: 'ok',
  since: now,
  value: null,
  evaluatedAt: null,
  notifiedAt: null,
  acknowledgedAt: null,
  snoozedUntil: null,
});

/**
 * ok / resolved → pending (breached) → firing (still breached after forMinutes) → resolved (cleared). Pending goes
 * back to ok only once cleared (or without data), never merely below the threshold. While firing: re-notify every
 * reNotifyMinutes unless acknowledged (until it resolves) or snoozed (until the snooze ends); a fire during a
 * snooze is notified when the snooze ends, if still firing.
 */
export function step(previous: RuleState, measured: Measurement, timing: RuleTiming, now: number): StepResult {
  const base = { ...previous, value: measured.value, evaluatedAt: now };
  const snoozed = previous.snoozedUntil !== null && now < previous.snoozedUntil;
  const noData = measured.value === null && !measured.breached && !measured.cleared;
  const fire = (events: StepEvent[]): StepResult => ({
    next: { ...base, state: 'firing', since: now, acknowledgedAt: null, notifiedAt: snoozed ? null : now },
    events: [...events, 'fired'],
    notify: snoozed ? null : 'fired',
  });

  switch (previous.state) {
    case 'ok':
    case 'resolved': {
      if (!measured.breached) return { next: base, events: [], notify: null };
      if (timing.forMinutes === 0) return fire([]);
      return { next: { ...base, state: 'pending', since: now }, events: ['pending'], notify: null };
    }
    case 'pending': {
      if (measured.cleared || noData)
        return { next: { ...base, state: 'ok', since: now }, events: ['cleared'], notify: null };
      if (measured.breached && now - previous.since >= timing.forMinutes * MINUTE_MS) return fire([]);
      return { next: base, events: [], notify: null };
    }
    case 'firing': {
      if (measured.cleared) {
        return {
          next: { ...base, state: 'resolved', since: now, acknowledgedAt: null, notifiedAt: null },
          events: ['resolved'],
          notify: null,
        };
      }
      const acknowledged = previous.acknowledgedAt !== null;
      const due =
        previous.notifiedAt === null ||
        (timing.reNotifyMinutes > 0 && now - previous.notifiedAt >= timing.reNotifyMinutes * MINUTE_MS);
      if (!acknowledged && !snoozed && !noData && due) {
        return { next: { ...base, notifiedAt: now }, events: ['renotified'], notify: 'renotified' };
      }
      return { next: base, events: [], notify: null };
    }
  }
}

import { describe, expect, it } from 'vitest';
import {
  initialRuleState,
  step,
  type Measurement,
  type RuleState,
  type RuleTiming,
} from '../../../src/main/areas/alerts/alert-state-machine.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 26, 10, 0);

/** A success-rate style measurement: breached below 95, cleared at 97 or more. */
const rate = (percent: number | null): Measurement => ({
  value: percent,
  threshold: 95,
  breached: percent !== null && percent < 95,
  cleared: percent !== null && percent >= 97,
  message: `${percent}%`,
});

function run(values: (number | null)[], timing: RuleTiming, edit?: (minute: number, state: RuleState) => RuleState) {
  let state = initialRuleState(T0);
  const log: { minute: number; state: string; events: string[]; notify: string | null }[] = [];
  values.forEach((value, minute) => {
    if (edit) state = edit(minute, state);
    const result = step(state, rate(value), timing, T0 + minute * MIN);
    state = result.next;
    log.push({ minute, state: state.state, events: result.events, notify: result.notify });
  });
  return log;
}

describe('alert state machine', () => {
  it('ok → pending → firing after forMinutes of breach → resolved once cleared', () => {
    const log = run([99, 90, 90, 90, 96, 98], { forMinutes: 2, reNotifyMinutes: 0 });
    expect(log.map((entry) => entry.state)).toEqual(['ok', 'pending', 'pending', 'firing', 'firing', 'resolved']);
    expect(log.flatMap((entry) => entry.events)).toEqual(['pending', 'fired', 'resolved']);
    expect(log.filter((entry) => entry.notify).map((entry) => entry.minute)).toEqual([3]);
  });

  it('hysteresis: a value hovering at the threshold fires once and never flaps', () => {
    const hovering = [94.9, 95.1, 94.8, 95.2, 94.9, 96.9, 95, 94.99, 96.5, 95.01];
    const log = run(hovering, { forMinutes: 0, reNotifyMinutes: 0 });
    expect(log.flatMap((entry) => entry.events)).toEqual(['fired']);
    expect(log.every((entry) => entry.state === 'firing')).toBe(true);
    // and a breach shorter than forMinutes never leaves pending, nor goes back to ok in between
    const brief = run([94, 95.5, 94, 96, 97.5], { forMinutes: 10, reNotifyMinutes: 0 });
    expect(brief.flatMap((entry) => entry.events)).toEqual(['pending', 'cleared']);
  });

  it('re-notifies a firing alert every reNotifyMinutes until acknowledged', () => {
    const values = Array.from({ length: 40 }, () => 80);
    const log = run(values, { forMinutes: 0, reNotifyMinutes: 15 }, (minute, state) =>
      minute === 31 ? { ...state, acknowledgedAt: T0 + minute * MIN } : state,
    );
    expect(log.filter((entry) => entry.notify).map((entry) => [entry.minute, entry.notify])).toEqual([
      [0, 'fired'],
      [15, 'renotified'],
      [30, 'renotified'],
    ]);
  });

  it('snooze silences notifications until it ends; a fire during the snooze is notified when it ends', () => {
    const values = Array.from({ length: 30 }, (_, minute) => (minute < 3 ? 99 : 80));
    const log = run(values, { forMinutes: 0, reNotifyMinutes: 60 }, (minute, state) =>
      minute === 1 ? { ...state, snoozedUntil: T0 + 20 * MIN } : state,
    );
    expect(log.find((entry) => entry.events.includes('fired'))?.minute).toBe(3);
    expect(log.filter((entry) => entry.notify).map((entry) => [entry.minute, entry.notify])).toEqual([
      [20, 'renotified'],
    ]);
  });

  it('no data keeps a firing alert firing (and quiet) and returns a pending one to ok', () => {
    const log = run([80, null, null, 99], { forMinutes: 0, reNotifyMinutes: 1 });
    expect(log.map((entry) => entry.state)).toEqual(['firing', 'firing', 'firing', 'resolved']);
    expect(log.filter((entry) => entry.notify).length).toBe(1);
    expect(run([80, null], { forMinutes: 5, reNotifyMinutes: 0 }).map((entry) => entry.state)).toEqual([
      'pending',
      'ok',
    ]);
  });

  it('a new episode after resolution starts unacknowledged', () => {
    const log = run([80, 80, 99, 80], { forMinutes: 0, reNotifyMinutes: 0 }, (minute, state) =>
      minute === 1 ? { ...state, acknowledgedAt: T0 + MIN } : state,
    );
    expect(log.filter((entry) => entry.notify).map((entry) => entry.minute)).toEqual([0, 3]);
  });
});

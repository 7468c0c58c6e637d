import type Database from 'better-sqlite3';
import type { AlertFired, AlertsChanged } from '../../../shared/contract/alerts.ts';
import type { Profile } from '../../../shared/contract/profiles.ts';
import { explainWindowMinutes, measure } from './alert-measures.ts';
import { step } from './alert-state-machine.ts';
import { AlertStore } from './alert-store.ts';

export interface AlertNotifier {
  /** a notification to raise (desktop + toast); never called while the profile is muted */
  fired(payload: AlertFired): void;
  /** some rule changed state (the sidebar badge) */
  changed(payload: AlertsChanged): void;
}

const MINUTE_MS = 60_000;

/**
 * One evaluation of every enabled rule of a profile: measure, step the state machine, keep the transitions in
 * the history, notify. A rule whose measurement fails does not stop the others; the failures are thrown
 * together at the end (the job reports them).
 */
export function evaluateAlerts(db: Database.Database, profile: Profile, now: number, notifier: AlertNotifier) {
  const store = new AlertStore(db);
  const muted = store.muted();
  const failures: unknown[] = [];
  let changed = false;
  let notified = 0;
  for (const { rule, state } of store.all()) {
    if (!rule.enabled) continue;
    try {
      const measured = measure(db, rule.condition, profile, now);
      const result = step(state, measured, rule, now);
      db.transaction(() => {
        store.writeState(rule.id, result.next);
        for (const event of result.events) {
          store.addEvent({
            ruleId: rule.id,
            ruleName: rule.name,
            kind: rule.condition.kind,
            event,
            value: measured.value,
            threshold: measured.threshold,
            message: measured.message,
            at: now,
          });
        }
      })();
      if (result.next.state !== state.state) changed = true;
      if (result.notify && !muted) {
        notified += 1;
        notifier.fired({
          profileId: profile.id,
          ruleId: rule.id,
          ruleName: rule.name,
          kind: rule.condition.kind,
          event: result.notify,
          value: measured.value,
          threshold: measured.threshold,
          message: measured.message,
          at: now,
          explain: { from: now - explainWindowMinutes(rule.condition) * MINUTE_MS, to: now + MINUTE_MS },
        });
      }
    } catch (error) {
      failures.push(error);
    }
  }
  if (changed) notifier.changed({ profileId: profile.id, firing: store.firingCount() });
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} alert rules could not be evaluated`);
  return { notified };
}

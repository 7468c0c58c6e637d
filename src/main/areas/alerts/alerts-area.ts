import type { EventBus } from '../../kernel/event-bus.ts';
import { defineArea } from '../define-area.ts';
import { evaluateAlerts, type AlertNotifier } from './alert-evaluator.ts';
import { AlertStore } from './alert-store.ts';
import { createAlertsHandlers } from './alerts-handlers.ts';
import { DEFAULT_RULES } from './default-rules.ts';

export const ALERTS_EVALUATE_JOB = 'alerts.evaluate';
const EVALUATE_EVERY_MS = 60_000;

/** Emits an event the contract declares; `alerts.fired` / `alerts.changed` are declared by the lead in events.ts. */
export const busNotifier = (bus: EventBus): AlertNotifier => ({
  fired: (payload) => bus.emit('alerts.fired', payload),
  changed: (payload) => bus.emit('alerts.changed', payload),
});

/** alerts.*: rules per profile, an evaluator job every minute, the alert centre, acknowledge / snooze / mute. */
export const alertsArea = defineArea({
  name: 'alerts',
  create: (kernel) => {
    const notifier = busNotifier(kernel.events);
    const handlers = {
      alerts: createAlertsHandlers({
        activeScope: () => kernel.scopes.get(kernel.active.id()),
        now: kernel.clock.now,
        changed: (profileId, firing) => notifier.changed({ profileId, firing }),
      }),
    };
    return {
      handlers,
      perProfile(scope) {
        new AlertStore(scope.db).seedOnce(DEFAULT_RULES, kernel.clock.now());
        scope.addJob({
          name: ALERTS_EVALUATE_JOB,
          schedule: { kind: 'interval', everyMs: EVALUATE_EVERY_MS },
          runIfNeverRan: true,
          run: async ({ now }) => void evaluateAlerts(scope.db, scope.profile(), now(), notifier),
        });
      },
    };
  },
});

import type { z } from 'zod';
import type { alertsOperations } from '../../../shared/contract/alerts.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { AlertStore, type StoredRule } from './alert-store.ts';

type Operations = typeof alertsOperations;
/** The same shape as `Handlers['alerts']` once the contract registers the area. */
export type AlertsHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx?: unknown,
  ) => Promise<z.input<Operations[K]['output']>> | z.input<Operations[K]['output']>;
};

export interface AlertsHandlerDeps {
  activeScope(): ProfileScope;
  now(): number;
  /** a rule changed state or was acknowledged: the badge and the alert centre refresh */
  changed(profileId: string, firing: number): void;
}

const MINUTE_MS = 60_000;

export function createAlertsHandlers(deps: AlertsHandlerDeps): AlertsHandlers {
  const storeOf = () => {
    const scope = deps.activeScope();
    return { scope, store: new AlertStore(scope.db) };
  };
  const found = (stored: StoredRule | undefined, id: number): StoredRule => {
    if (!stored) throw new AppError('NOT_FOUND', `There is no alert rule ${id} on this profile.`);
    return stored;
  };
  const note = (store: AlertStore, stored: StoredRule, event: 'acknowledged' | 'snoozed', message: string) =>
    store.addEvent({
      ruleId: stored.rule.id,
      ruleName: stored.rule.name,
      kind: stored.rule.condition.kind,
      event,
      value: stored.state.value,
      threshold: null,
      message,
      at: deps.now(),
    });

  return {
    rules: () => {
      const { store } = storeOf();
      return { rules: store.all().map((stored) => stored.rule), muted: store.muted() };
    },
    saveRule: (input) => {
      const { scope, store } = storeOf();
      const saved = found(store.save(input, deps.now()), input.id ?? 0);
      deps.changed(scope.profileId, store.firingCount());
      return saved.rule;
    },
    deleteRule: ({ id }) => {
      const { scope, store } = storeOf();
      const deleted = store.delete(id);
      if (deleted) deps.changed(scope.profileId, store.firingCount());
      return { deleted };
    },
    list: ({ limit, before }) => {
      const { store } = storeOf();
      const rules = store.all();
      return {
        active: rules
          .filter((stored) => stored.state.state === 'firing' || stored.state.state === 'pending')
          .map((stored) => stored.rule),
        history: store.history(limit, before),
        firing: rules.filter((stored) => stored.state.state === 'firing').length,
      };
    },
    acknowledge: ({ id }) => {
      const { store } = storeOf();
      const stored = found(store.get(id), id);
      if (stored.state.state !== 'firing') throw new AppError('CONFLICT', 'Only a firing alert can be acknowledged.');
      if (stored.state.acknowledgedAt === null) {
        store.writeState(id, { ...stored.state, acknowledgedAt: deps.now() });
        note(store, stored, 'acknowledged', 'Acknowledged: no more reminders until it resolves');
      }
      return found(store.get(id), id).rule;
    },
    snooze: ({ id, minutes }) => {
      const { store } = storeOf();
      const stored = found(store.get(id), id);
      const until = deps.now() + minutes * MINUTE_MS;
      store.writeState(id, { ...stored.state, snoozedUntil: until });
      note(store, stored, 'snoozed', `Notifications snoozed for ${minutes} min`);
      return found(store.get(id), id).rule;
    },
    setMute: ({ muted }) => {
      const { store } = storeOf();
      store.setMuted(muted);
      return { muted };
    },
  };
}

import { create } from 'zustand';
import type { AlertEvent, AlertFired, AlertRule, AlertRuleInput } from '../../../../shared/contract/alerts.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { useToasts } from '../../components/toast-store.ts';
import { hubble } from '../../hubble.ts';
import { useDashboard } from '../dashboard/dashboard-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';

export const HISTORY_PAGE = 200;

/** A DOM event the harness (and anything else in the page) can observe when an alert's toast is raised. */
export const ALERT_FIRED_DOM_EVENT = 'hubble:alert-fired';

interface AlertsState {
  rules: AlertRule[] | null;
  muted: boolean;
  active: AlertRule[];
  history: AlertEvent[];
  /** more history may be older than the last row shown */
  moreHistory: boolean;
  /** firing alerts of the active profile: the sidebar badge */
  firing: number;
  error: string | null;

  load(): Promise<void>;
  loadOlder(): Promise<void>;
  save(rule: AlertRuleInput): Promise<Result<AlertRule>>;
  remove(id: number): Promise<Result<{ deleted: boolean }>>;
  acknowledge(id: number): Promise<Result<AlertRule>>;
  snooze(id: number, minutes: number): Promise<Result<AlertRule>>;
  setMute(muted: boolean): Promise<Result<{ muted: boolean }>>;
  /** Raises the in-app toast for a notification main decided is due. */
  notify(fired: AlertFired): void;
  /**
   * Follows the active profile's alerts for the whole window: the firing count (`alerts.changed`) and a toast per
   * notification main decided is due (`alerts.fired`: already not muted, not snoozed).
   */
  follow(): () => void;
}

const activeProfileId = () => useProfiles.getState().active()?.id ?? null;

export const useAlerts = create<AlertsState>((set, get) => {
  const thenReload = async <T>(pending: Promise<Result<T>>): Promise<Result<T>> => {
    const result = await pending;
    await get().load();
    return result;
  };

  return {
    rules: null,
    muted: false,
    active: [],
    history: [],
    moreHistory: false,
    firing: 0,
    error: null,

    async load() {
      const [rules, list] = await Promise.all([hubble().alerts.rules(), hubble().alerts.list({ limit: HISTORY_PAGE })]);
      if (!rules.ok || !list.ok) {
        set({ error: (!rules.ok ? rules.error : !list.ok ? list.error : null)?.message ?? null });
        return;
      }
      set({
        error: null,
        rules: rules.value.rules,
        muted: rules.value.muted,
        active: list.value.active,
        history: list.value.history,
        moreHistory: list.value.history.length >= HISTORY_PAGE,
        firing: list.value.firing,
      });
    },

    async loadOlder() {
      const oldest = get().history.at(-1);
      if (!oldest) return;
      const result = await hubble().alerts.list({ limit: HISTORY_PAGE, before: oldest.id });
      if (!result.ok) return set({ error: result.error.message });
      set((state) => ({
        history: [...state.history, ...result.value.history],
        moreHistory: result.value.history.length >= HISTORY_PAGE,
      }));
    },

    save: (rule) => thenReload(hubble().alerts.saveRule(rule)),
    remove: (id) => thenReload(hubble().alerts.deleteRule({ id })),
    acknowledge: (id) => thenReload(hubble().alerts.acknowledge({ id })),
    snooze: (id, minutes) => thenReload(hubble().alerts.snooze({ id, minutes })),
    setMute: (muted) => thenReload(hubble().alerts.setMute({ muted })),

    notify(fired) {
      window.dispatchEvent(new CustomEvent(ALERT_FIRED_DOM_EVENT, { detail: fired }));
      useToasts.getState().push({
        tone: 'danger',
        title: fired.event === 'renotified' ? `Still firing: ${fired.ruleName}` : `Alert: ${fired.ruleName}`,
        body: fired.message,
        actionLabel: 'Show why on the Dashboard',
        marker: 'alerts.fired',
        onAction: () =>
          void useDashboard
            .getState()
            .explain(fired.explain.from, fired.explain.to, { ruleName: fired.ruleName, message: fired.message }),
      });
    },

    follow() {
      const refreshBadge = async () => {
        const result = await hubble().alerts.list({ limit: 1 });
        if (result.ok) set({ firing: result.value.firing, active: result.value.active });
      };
      void refreshBadge();
      const stops = [
        useProfiles.subscribe((state, previous) => {
          if (state.list?.activeProfileId !== previous.list?.activeProfileId) void refreshBadge();
        }),
        hubble().on('alerts.fired', (fired) => {
          if (fired.profileId === activeProfileId()) get().notify(fired);
        }),
        hubble().on('alerts.changed', (changed) => {
          if (changed.profileId !== activeProfileId()) return;
          set({ firing: changed.firing });
          if (get().rules !== null) void get().load();
        }),
      ];
      return () => stops.forEach((stop) => stop());
    },
  };
});

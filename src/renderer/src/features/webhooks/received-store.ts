import { create } from 'zustand';
import {
  LOOPBACK_BIND_ADDRESS,
  type ReceivedEvent,
  type ReceivedEventSummary,
  type ReceiverSettings,
  type ReceiverStatus,
} from '../../../../shared/contract/receiver.ts';
import type { AppErrorShape, Result } from '../../../../shared/contract/result.ts';
import type { WebhookTypeId } from '../../../../shared/webhooks/webhook-types.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { hubble } from '../../hubble.ts';
import { formStateOfProfile, settingsOf } from '../profiles/profile-form-state.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { useWebhooks } from './webhooks-store.ts';
import { useWebhooksTab } from './webhooks-tab-store.ts';

export const PAGE_SIZE = 200;

export const TIME_WINDOWS = {
  any: { label: 'Any time', ms: null },
  '15m': { label: 'Last 15 minutes', ms: 15 * 60_000 },
  '1h': { label: 'Last hour', ms: 60 * 60_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 60 * 60_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 60 * 60_000 },
} as const;
export type TimeWindow = keyof typeof TIME_WINDOWS;

export interface ReceivedFilters {
  type: WebhookTypeId | '';
  verdict: ReceivedEventSummary['verdict'] | '';
  window: TimeWindow;
}

export const NO_FILTERS: ReceivedFilters = { type: '', verdict: '', window: 'any' };

export type ReplayOutcome = { status: number | null; error: string | null; durationMs: number };

/** Loopback only: any other bind address exposes the endpoint to the network. */
export const isLoopback = (address: string) => address === LOOPBACK_BIND_ADDRESS || address === '::1';

interface ReceivedState {
  status: ReceiverStatus | null;
  statusError: AppErrorShape | null;
  /** the newest event of the profile, whatever the filters */
  lastEvent: ReceivedEventSummary | null;
  switching: boolean;
  settingsSaving: boolean;
  settingsError: AppErrorShape | null;
  settingsSaved: boolean;
  filters: ReceivedFilters;
  events: ReceivedEventSummary[];
  /** false once a page came back short: nothing older matches */
  more: boolean;
  loading: boolean;
  listError: AppErrorShape | null;
  selectedId: number | null;
  detail: ReceivedEvent | null;
  detailError: AppErrorShape | null;
  actionError: AppErrorShape | null;
  retrying: boolean;
  replaying: boolean;
  replayed: ReplayOutcome | null;

  load(): Promise<void>;
  refreshStatus(): Promise<void>;
  setEnabled(enabled: boolean): Promise<Result<unknown>>;
  toggleEnabled(): Promise<Result<unknown>>;
  saveSettings(input: { settings: ReceiverSettings; port: number; acknowledgeExposure: boolean }): Promise<boolean>;
  setFilters(patch: Partial<ReceivedFilters>): Promise<void>;
  loadMore(): Promise<void>;
  /** A delivery arrived (receiver.received): the newer events matching the filters go on top. */
  takeNew(): Promise<void>;
  select(id: number | null): Promise<void>;
  retry(): Promise<void>;
  replay(url: string): Promise<void>;
  openInDebugger(): void;
  /** Follows receiver.received for the profile `isActive` names; returns the unsubscribe. */
  watch(isActive: (profileId: string) => boolean): () => void;
}

const activeProfile = () => useProfiles.getState().active();

const listInput = (filters: ReceivedFilters, now: number) => {
  const span = TIME_WINDOWS[filters.window].ms;
  return {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.verdict ? { verdict: filters.verdict } : {}),
    ...(span === null ? {} : { from: now - span }),
  };
};

const SETTLE_POLLS = 15;
const SETTLE_EVERY_MS = 200;
/** Main starts or stops the server after the profile change is stored: a few short re-reads catch the result. */
const unsettled = (status: ReceiverStatus) =>
  status.state === 'starting' || status.enabled !== (status.state !== 'off');

const notFound = (message: string): Result<never> => ({ ok: false, error: { kind: 'NOT_FOUND', message } });

/** The Received tab: the active profile's receiver, its settings and what it took in. */
export const useReceived = create<ReceivedState>((set, get) => {
  const api = () => hubble().receiver;
  /** bumped on every reload: pages of an older list are dropped */
  let generation = 0;

  const readLast = async () => {
    const last = await api().list({ limit: 1 });
    if (last.ok) set({ lastEvent: last.value.events[0] ?? null });
  };

  const readList = async () => {
    const mine = ++generation;
    set({ loading: true, listError: null });
    const result = await api().list({ ...listInput(get().filters, Date.now()), limit: PAGE_SIZE });
    if (mine !== generation) return;
    if (result.ok) set({ events: result.value.events, more: result.value.events.length === PAGE_SIZE, loading: false });
    else set({ events: [], more: false, loading: false, listError: result.error });
  };

  const refreshDetail = async () => {
    const id = get().selectedId;
    if (id === null) return;
    const result = await api().get({ id });
    if (get().selectedId === id) set(result.ok ? { detail: result.value } : { detailError: result.error });
  };

  return {
    status: null,
    statusError: null,
    lastEvent: null,
    switching: false,
    settingsSaving: false,
    settingsError: null,
    settingsSaved: false,
    filters: NO_FILTERS,
    events: [],
    more: false,
    loading: false,
    listError: null,
    selectedId: null,
    detail: null,
    detailError: null,
    actionError: null,
    retrying: false,
    replaying: false,
    replayed: null,

    async load() {
      set({ selectedId: null, detail: null, detailError: null, actionError: null, replayed: null });
      await Promise.all([get().refreshStatus(), readList(), readLast()]);
    },

    async refreshStatus() {
      const result = await api().status();
      set(result.ok ? { status: result.value, statusError: null } : { statusError: result.error });
    },

    async setEnabled(enabled) {
      const profile = activeProfile();
      if (!profile) return notFound('No active profile.');
      set({ switching: true, statusError: null });
      const settings = settingsOf(formStateOfProfile(profile));
      const result = await useProfiles
        .getState()
        .save(profile, { ...settings, webhookReceiver: { ...profile.webhookReceiver, enabled } });
      if (!result.ok) {
        set({ switching: false, statusError: result.error });
        return result;
      }
      for (let poll = 0; poll < SETTLE_POLLS; poll += 1) {
        await get().refreshStatus();
        const status = get().status;
        if (!status || !unsettled(status)) break;
        await new Promise((resolve) => setTimeout(resolve, SETTLE_EVERY_MS));
      }
      set({ switching: false });
      return result;
    },

    toggleEnabled() {
      const enabled = get().status?.enabled ?? activeProfile()?.webhookReceiver.enabled ?? false;
      return get().setEnabled(!enabled);
    },

    async saveSettings({ settings, port, acknowledgeExposure }) {
      const profile = activeProfile();
      if (!profile) return false;
      set({ settingsSaving: true, settingsError: null, settingsSaved: false });
      if (port !== profile.webhookReceiver.port) {
        const saved = await useProfiles.getState().save(profile, {
          ...settingsOf(formStateOfProfile(profile)),
          webhookReceiver: { ...profile.webhookReceiver, port },
        });
        if (!saved.ok) {
          set({ settingsSaving: false, settingsError: saved.error });
          return false;
        }
      }
      const result = await runGuarded(
        profile,
        'receiver.updateSettings',
        'change its webhook receiver settings',
        (confirmationToken) =>
          api().updateSettings({
            settings,
            ...(isLoopback(settings.bindAddress) ? {} : { acknowledgeExposure }),
            ...(confirmationToken ? { confirmationToken } : {}),
          }),
      );
      if (result.ok) set({ status: result.value, settingsSaving: false, settingsSaved: true });
      else set({ settingsSaving: false, settingsError: result.error });
      return result.ok;
    },

    async setFilters(patch) {
      set({ filters: { ...get().filters, ...patch } });
      await readList();
    },

    async loadMore() {
      const { events, more, loading } = get();
      const oldest = events.at(-1);
      if (!more || loading || !oldest) return;
      const mine = generation;
      set({ loading: true });
      const result = await api().list({
        ...listInput(get().filters, Date.now()),
        beforeId: oldest.id,
        limit: PAGE_SIZE,
      });
      if (mine !== generation) return;
      if (result.ok)
        set({
          events: [...get().events, ...result.value.events],
          more: result.value.events.length === PAGE_SIZE,
          loading: false,
        });
      else set({ loading: false, listError: result.error });
    },

    async takeNew() {
      const mine = generation;
      const result = await api().list({ ...listInput(get().filters, Date.now()), limit: PAGE_SIZE });
      void readLast();
      void get().refreshStatus();
      if (mine !== generation || !result.ok) return;
      const newest = get().events[0]?.id ?? 0;
      const fresh = result.value.events.filter((event) => event.id > newest);
      // The newer events plus the refreshed state of those already shown (an event pending a moment ago is applied now).
      const updated = new Map(result.value.events.map((event) => [event.id, event]));
      set({ events: [...fresh, ...get().events.map((event) => updated.get(event.id) ?? event)] });
      await refreshDetail();
    },

    async select(id) {
      set({ selectedId: id, detail: null, detailError: null, actionError: null, replayed: null });
      if (id !== null) await refreshDetail();
    },

    async retry() {
      const id = get().selectedId;
      if (id === null) return;
      set({ retrying: true, actionError: null });
      const result = await api().retry({ id });
      set({ retrying: false, actionError: result.ok ? null : result.error });
      if (result.ok) set({ events: get().events.map((event) => (event.id === id ? result.value : event)) });
      await refreshDetail();
    },

    async replay(url) {
      const id = get().selectedId;
      const profile = activeProfile();
      if (id === null || !profile) return;
      set({ replaying: true, actionError: null, replayed: null });
      const result = await runGuarded(
        profile,
        'receiver.replay',
        `replay received webhook #${id} to ${url}`,
        (confirmationToken) =>
          api().replay({
            id,
            url,
            acknowledgeIdempotency: true,
            ...(confirmationToken ? { confirmationToken } : {}),
          }),
      );
      set({
        replaying: false,
        replayed: result.ok ? result.value : null,
        actionError: result.ok ? null : result.error,
      });
    },

    openInDebugger() {
      const { detail } = get();
      if (!detail || detail.body === null) return;
      const header = Object.entries(detail.headers).find(([name]) => name.toLowerCase() === 'x-verify')?.[1] ?? null;
      useWebhooks.getState().loadReceived({
        name: `received webhook #${detail.id}`,
        body: detail.body,
        header,
        profileId: activeProfile()?.id ?? 'simulator',
      });
      useWebhooksTab.getState().setTab('debugger');
      void useWebhooks.getState().verify();
    },

    watch(isActive) {
      return hubble().on('receiver.received', (event) => {
        if (isActive(event.profileId)) void get().takeNew();
      });
    },
  };
});

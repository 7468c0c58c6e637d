import { z } from 'zod';
import { event } from './define.ts';
import { alertFiredSchema, alertsChangedSchema } from './alerts.ts';
import { profileListSchema } from './profiles.ts';
import { receiverReceivedEventPayload } from './receiver.ts';

/**
 * What the desktop shell (menu, tray, deep link, context menu) asks the window to do. Main has already validated
 * a deep link before it becomes one of these; the renderer checks `area` against its registry again.
 */
export const desktopCommandSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('go'), area: z.string().regex(/^[a-z][a-z-]{0,31}$/) }),
  z.strictObject({
    kind: z.literal('open-order'),
    key: z.union([
      z.strictObject({ orderId: z.string().min(1).max(200) }),
      z.strictObject({ referenceId: z.string().min(1).max(200) }),
    ]),
  }),
  z.strictObject({ kind: z.literal('open-call'), requestId: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal('open-palette') }),
  z.strictObject({ kind: z.literal('show-shortcuts') }),
]);
export type DesktopCommand = z.infer<typeof desktopCommandSchema>;

/** Every event main may push to the renderer, keyed by name. */
export const events = {
  'profiles.changed': event({
    summary: 'The profile list or the active profile changed',
    payload: profileListSchema,
  }),
  'calls.recorded': event({
    summary: "New Hubble calls were written to a profile's call log",
    payload: z.object({ profileId: z.string(), rows: z.number().int(), lastId: z.number().int() }),
  }),
  'jobs.progress': event({
    summary:
      "A background job of a profile started, moved on or ended (state 'running' until it is done, failed or cancelled)",
    payload: z.object({
      job: z.string(),
      profileId: z.string(),
      done: z.number().nonnegative(),
      total: z.number().nonnegative().nullable(),
      message: z.string().nullable(),
      state: z.enum(['running', 'done', 'failed', 'cancelled']),
    }),
  }),
  'receiver.received': event({
    summary: 'Webhooks were received for a profile (at most every 250 ms)',
    payload: receiverReceivedEventPayload,
  }),
  'alerts.fired': event({
    summary: 'An alert fired or reminds: raise a desktop notification and a toast',
    payload: alertFiredSchema,
  }),
  'alerts.changed': event({ summary: "A profile's alert changed state (sidebar badge)", payload: alertsChangedSchema }),
  'desktop.command': event({
    summary: 'The native menu, tray, a deep link or a context menu asks the window to go somewhere or open a dialog',
    payload: desktopCommandSchema,
  }),
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

import { z } from 'zod';
import { event } from './define.ts';
import { profileListSchema } from './profiles.ts';

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
};
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

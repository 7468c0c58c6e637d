import { ulid } from 'ulid';
import type { SimulatorClock } from './clock.ts';
import type { Random } from './random.ts';

/** Hubble ids are 26-char ULIDs; ours take their time from the simulator clock and their randomness from the seed. */
export const newUlid = (clock: SimulatorClock, random: Random): string => ulid(clock.now(), random.next);

export const newRequestId = (random: Random): string => `req_${random.uuid()}`;

import { z } from 'zod';

/**
 * The latest time a JavaScript Date holds (±100,000,000 days from 1970). A later number is no time at all: every
 * formatting of it (a file name's date, an ISO string) throws, so the contract refuses it as bad input.
 */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

/** A point in time, in epoch milliseconds. */
export const epochMs = z.number().int().min(0).max(MAX_EPOCH_MS);

import { z } from 'zod';

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A rupee amount or count that some doc generations print as text ("500"): accepted, read as a number. */
export const lenientNumberSchema = z.union([z.number(), z.string().regex(NUMERIC_TEXT).transform(Number)]);

/**
 * `expiresInSecs`: a number in V3, a numeric string or even the placeholder "validity in seconds" in V1.
 * Anything that is not a number becomes null (lifetime unknown) instead of failing the login.
 */
export const lifetimeSchema = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => {
    if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
    if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value) > 0 ? Number(value) : null;
    return null;
  });

/** A list the docs show as an array but that may arrive as null or be absent. */
export const lenientList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);

import { z } from 'zod';

/** Money: the newest docs send numbers (1000.0), older SDK payloads strings ("1000"); both are accepted. */
export const amountSchema = z.union(
  [z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal amount such as "1000"')],
  {
    error: 'expected an amount (number, or a decimal string in older payloads)',
  },
);

export const idSchema = z.string({ error: 'expected an id string' }).min(1, 'expected a non-empty id');

/** The docs show calendar dates (2025-12-23); a timestamp after the date is tolerated. */
export const dateSchema = z
  .string({ error: 'expected a date string' })
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected a date like 2025-12-23');

export const percentageSchema = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)], {
  error: 'expected a percentage number',
});

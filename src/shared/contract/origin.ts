import { z } from 'zod';

/**
 * Which console a row came from in team mode (docs/team.md): null for this console's own rows, else the
 * teammate's console and the operator named on its link.
 */
export const originSchema = z.object({ consoleId: z.string(), operator: z.string() }).nullable();
export type Origin = z.infer<typeof originSchema>;

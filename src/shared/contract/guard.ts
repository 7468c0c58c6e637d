import { z } from 'zod';
import { operation } from './define.ts';

/**
 * Spread into the input of every operation marked `confirmOnProduction`: the guard in main reads `profileId`
 * (the active profile when absent) and `confirmationToken` from the parsed input.
 */
export const confirmationFields = {
  confirmationToken: z.string().min(1).max(200).optional(),
};

export const confirmationSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

export const guardOperations = {
  confirm: operation({
    summary: 'Confirm one production operation by typing the profile name; answers a single-use, short-lived token',
    input: z.strictObject({
      profileId: z.string().min(1).max(100),
      operation: z.string().min(3).max(100),
      typedName: z.string().max(200),
    }),
    output: confirmationSchema,
  }),
  probe: operation({
    summary:
      'Does nothing but change no state: it exists to prove the production guard end to end (tests, diagnostics)',
    input: z.strictObject({ profileId: z.string().min(1).max(100).optional(), ...confirmationFields }).optional(),
    output: z.object({ allowed: z.literal(true), profileId: z.string() }),
    confirmOnProduction: true,
  }),
};

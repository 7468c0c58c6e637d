import { z } from 'zod';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';
import { confirmationFields } from './guard.ts';

/** A team space's name: the same name on every console of a partner environment (e.g. `acme-production`). */
export const teamSpaceSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'lower-case letters, digits, dot, dash or underscore; at most 63');

export const teamTlsSchema = z.enum(['disable', 'require', 'verify-full']);

/**
 * How a profile reaches its team's PostgreSQL. The URL names host, port, database and login but never a password:
 * the password is a profile secret (kind `teamDbPassword`) in the OS keychain.
 */
export const teamLinkSettingsSchema = z.strictObject({
  url: z.string().min(1).max(500),
  tls: teamTlsSchema,
  /** PEM file of a private CA for `verify-full` (managed PostgreSQL services publish theirs); null: the system's */
  caCertPath: z.string().min(1).max(1000).nullable(),
  space: teamSpaceSchema,
  /** Shown on every row this console shares ("from Priya's console"). */
  operator: z.string().trim().min(1).max(60),
});
export type TeamLinkSettings = z.infer<typeof teamLinkSettingsSchema>;

export const teamLinkStateSchema = z.enum(['off', 'unlinkable', 'connecting', 'online', 'offline', 'error']);
export type TeamLinkState = z.infer<typeof teamLinkStateSchema>;

export const teamConsoleSchema = z.object({
  consoleId: z.string(),
  operator: z.string(),
  self: z.boolean(),
});

export const teamStatusSchema = z.object({
  profileId: z.string(),
  /** null when the profile may be linked; else why not (the Simulator's history is this machine's demo) */
  unlinkableReason: z.string().nullable(),
  enabled: z.boolean(),
  settings: teamLinkSettingsSchema.nullable(),
  passwordSet: z.boolean(),
  state: teamLinkStateSchema,
  /** why the link is offline or in error, in words */
  message: z.string().nullable(),
  consoleId: z.string(),
  /** changes waiting in this console's outbox */
  backlog: z.number().int().nonnegative(),
  shippedRows: z.number().int().nonnegative(),
  pulledRows: z.number().int().nonnegative(),
  lastShippedAt: epochMs.nullable(),
  lastPulledAt: epochMs.nullable(),
  schemaVersion: z.number().int().nullable(),
  consoles: z.array(teamConsoleSchema),
});
export type TeamStatus = z.infer<typeof teamStatusSchema>;

export const teamOperations = {
  status: operation({
    summary: 'The active profile’s team link: settings (never the password), state, outbox backlog, consoles seen',
    input: z.undefined(),
    output: teamStatusSchema,
  }),
  configure: operation({
    summary:
      'Link the active profile to a team database (or unlink it). Linking shares this profile’s history with the team, so production needs a typed confirmation',
    input: z.strictObject({
      enabled: z.boolean(),
      settings: teamLinkSettingsSchema,
      ...confirmationFields,
    }),
    output: teamStatusSchema,
    confirmOnProduction: true,
  }),
  prepareDatabase: operation({
    summary:
      'Create or upgrade the team schema with the linked login (it must own the database); the console’s own login needs insert and select only',
    input: z.undefined(),
    output: teamStatusSchema,
  }),
  syncNow: operation({
    summary: 'Ship the outbox and pull teammates’ rows now instead of at the next run',
    input: z.undefined(),
    output: teamStatusSchema,
  }),
};

import { z } from 'zod';
import { operation } from './define.ts';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  dataDir: z.string(),
  shell: z.enum(['electron', 'browser-harness']),
  runtime: z.object({
    node: z.string(),
    v8: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** How the desktop app behaves; app-wide, not per profile. */
export const appPreferencesSchema = z.object({
  /** closing the window keeps the console monitoring from the tray (off by default) */
  closeToTray: z.boolean(),
});
export type AppPreferences = z.infer<typeof appPreferencesSchema>;

export const appOperations = {
  info: operation({
    summary: 'Version, platform, data folder and runtime versions of this console',
    input: z.undefined(),
    output: appInfoSchema,
  }),
  preferences: operation({
    summary: 'The desktop preferences (close to tray)',
    input: z.undefined(),
    output: appPreferencesSchema,
  }),
  setPreferences: operation({
    summary: 'Changes desktop preferences; only the keys given',
    input: z.strictObject({ closeToTray: z.boolean().optional() }),
    output: appPreferencesSchema,
  }),
};

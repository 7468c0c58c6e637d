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

export const appOperations = {
  info: operation({
    summary: 'Version, platform, data folder and runtime versions of this console',
    input: z.undefined(),
    output: appInfoSchema,
  }),
};

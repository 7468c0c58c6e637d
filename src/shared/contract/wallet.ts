import { z } from 'zod';
import { operation } from './define.ts';
import { epochMs } from './epoch-ms.ts';

const paise = z.number().int();
const hours = z.number().nonnegative().nullable();

export const walletSampleSchema = z.object({
  at: epochMs,
  balancePaise: paise,
  source: z.enum(['poll', 'order', 'manual']),
});
export type WalletSample = z.infer<typeof walletSampleSchema>;

export const topUpSchema = z.object({ at: epochMs, amountPaise: z.number().int().positive() });
export type TopUp = z.infer<typeof topUpSchema>;

export const runwaySchema = z.object({
  /** hours until the balance no longer covers a typical order (Hubble answers E300) at the recent spend rate */
  toE300Hours: hours,
  /** hours until the balance falls below the profile's wallet minimum; null without a minimum or without spending */
  toMinimumHours: hours,
  toEmptyHours: hours,
});
export type Runway = z.infer<typeof runwaySchema>;

export const walletSummarySchema = z.object({
  latest: walletSampleSchema.nullable(),
  /** the profile's walletMinimum in paise (null: no minimum set) */
  minimumPaise: paise.nullable(),
  belowMinimum: z.boolean(),
  /** paise spent per hour over the recent window, refunds deducted, top-ups ignored; null: too few samples */
  spendRatePaisePerHour: z.number().nonnegative().nullable(),
  spendWindowHours: z.number().positive(),
  /** the average accepted order of the last 24 h (what E300 is measured against); 0 without orders */
  typicalOrderPaise: z.number().int().nonnegative(),
  runway: runwaySchema,
  pollEverySecs: z.number().int().positive(),
  topUps: z.array(topUpSchema),
});
export type WalletSummary = z.infer<typeof walletSummarySchema>;

const rangeSchema = z.strictObject({ from: epochMs, to: epochMs }).check((ctx) => {
  if (ctx.value.to <= ctx.value.from)
    ctx.issues.push({ code: 'custom', message: '`to` must be after `from`', input: ctx.value, path: ['to'] });
});

export const walletOperations = {
  summary: operation({
    summary: 'The active profile’s balance, spend rate, runway (to E300 and to the minimum) and recent top-ups',
    input: z.undefined(),
    output: walletSummarySchema,
  }),
  samples: operation({
    summary:
      'Balance samples and detected top-ups in a time range (the trend chart); at most 5 000 samples, evenly thinned',
    input: rangeSchema,
    output: z.object({ samples: z.array(walletSampleSchema), topUps: z.array(topUpSchema), thinned: z.boolean() }),
  }),
  exportCsv: operation({
    summary: 'Balance samples in a time range as CSV (time in UTC and IST, balance in rupees, source)',
    input: rangeSchema,
    output: z.object({ csv: z.string(), fileName: z.string(), rows: z.number().int().nonnegative() }),
  }),
  sampleNow: operation({
    summary: 'Read the wallet balance from Hubble now and store it as a sample',
    input: z.undefined(),
    output: walletSampleSchema,
  }),
};

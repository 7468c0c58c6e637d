import { z } from 'zod';
import type { Random } from './random.ts';

/** Added latency on every API response: a fixed part plus seeded jitter (uniform, or exponential for long tails). */
export const latencySettingsSchema = z.object({
  fixedMs: z.number().int().min(0).max(120_000),
  jitterMs: z.number().int().min(0).max(120_000),
  distribution: z.enum(['uniform', 'exponential']),
});
export type LatencySettings = z.infer<typeof latencySettingsSchema>;

/** A change to some of the settings. */
export const latencySchema = latencySettingsSchema.partial().strict();

export const NO_LATENCY: LatencySettings = { fixedMs: 0, jitterMs: 0, distribution: 'uniform' };

export function sampleLatency(settings: LatencySettings, random: Random): number {
  if (settings.jitterMs === 0) return settings.fixedMs;
  const jitter =
    settings.distribution === 'uniform'
      ? random.next() * settings.jitterMs
      : Math.min(-Math.log(1 - random.next()) * settings.jitterMs, settings.jitterMs * 10);
  return Math.round(settings.fixedMs + jitter);
}

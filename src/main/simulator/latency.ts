import { z } from 'zod';
import type { Random } from './random.ts';

/** Added latency on every API response: a fixed part plus seeded jitter (uniform, or exponential for long tails). */
export const latencySchema = z
  .object({
    fixedMs: z.number().int().min(0).max(120_000),
    jitterMs: z.number().int().min(0).max(120_000),
    distribution: z.enum(['uniform', 'exponential']),
  })
  .partial()
  .strict();
export type LatencySettings = Required<z.infer<typeof latencySchema>>;

export const NO_LATENCY: LatencySettings = { fixedMs: 0, jitterMs: 0, distribution: 'uniform' };

export function sampleLatency(settings: LatencySettings, random: Random): number {
  if (settings.jitterMs === 0) return settings.fixedMs;
  const jitter =
    settings.distribution === 'uniform'
      ? random.next() * settings.jitterMs
      : Math.min(-Math.log(1 - random.next()) * settings.jitterMs, settings.jitterMs * 10);
  return Math.round(settings.fixedMs + jitter);
}

import { z } from 'zod';

/**
 * One-shot (or N-shot) faults on the API paths. `http-5xx`, `reset` and `html` strike before the request is
 * processed (nothing changes); the others strike after it was processed, so a place-order is committed and the
 * client must recover through GET /orders/by-reference.
 */
export const FAULT_KINDS = [
  'http-5xx',
  'reset',
  'delay',
  'drop-after-commit',
  'invalid-json',
  'html',
  'empty-body',
  'schema-mismatch',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = z
  .object({
    /** Prefix of the API path, e.g. `/v1/partners/orders`; any path when absent. */
    path: z.string().startsWith('/').max(500).optional(),
    method: z.string().min(1).max(10).optional(),
    kind: z.enum(FAULT_KINDS),
    status: z.number().int().min(400).max(599).optional(),
    delayMs: z.number().int().min(0).max(300_000).optional(),
    times: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type FaultSpec = z.infer<typeof faultSchema>;

export const PRE_PROCESSING_FAULTS: ReadonlySet<FaultKind> = new Set(['http-5xx', 'reset', 'html']);

interface QueuedFault extends FaultSpec {
  remaining: number;
}

export class FaultQueue {
  private readonly faults: QueuedFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** The first queued fault matching this request, used up by one. */
  take(method: string, path: string): FaultSpec | undefined {
    const index = this.faults.findIndex(
      (fault) =>
        (!fault.method || fault.method.toUpperCase() === method) && (!fault.path || path.startsWith(fault.path)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    const { remaining: _remaining, ...spec } = fault;
    return spec;
  }

  list(): Array<FaultSpec & { remaining: number }> {
    return this.faults.map((fault) => ({ ...fault }));
  }
}

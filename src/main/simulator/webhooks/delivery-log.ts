import { z } from 'zod';
import { WEBHOOK_TYPES } from './payloads.ts';

export const deliveryAttemptSchema = z.object({
  at: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

/** One webhook delivery: what was sent (exact body and signature) and every attempt's answer. */
export const deliveryRecordSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  clientId: z.string(),
  url: z.string(),
  type: z.enum(WEBHOOK_TYPES),
  body: z.string(),
  signature: z.string(),
  /** False when the bad-signature switch was on. */
  signatureValid: z.boolean(),
  /** Set on the second copy the duplicate switch sends. */
  duplicateOf: z.number().int().nullable(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  attemptLog: z.array(deliveryAttemptSchema),
});
export type DeliveryRecord = z.infer<typeof deliveryRecordSchema>;

export class DeliveryLog {
  private records: DeliveryRecord[] = [];
  private seq = 0;

  create(record: Omit<DeliveryRecord, 'seq' | 'state' | 'attempts' | 'responseStatus' | 'attemptLog'>): DeliveryRecord {
    this.seq += 1;
    const full: DeliveryRecord = {
      ...record,
      seq: this.seq,
      state: 'pending',
      attempts: 0,
      responseStatus: null,
      attemptLog: [],
    };
    this.records.push(full);
    if (this.records.length > 6000) this.records.splice(0, this.records.length - 5000);
    return full;
  }

  list(since = 0): DeliveryRecord[] {
    return this.records.filter((record) => record.seq > since);
  }

  clear(): void {
    this.records = [];
    this.seq = 0;
  }
}

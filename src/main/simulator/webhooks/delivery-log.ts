import type { WebhookType } from './payloads.ts';

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** One webhook delivery: what was sent (exact body and signature) and every attempt's answer. */
export interface DeliveryRecord {
  seq: number;
  at: string;
  clientId: string;
  url: string;
  type: WebhookType;
  body: string;
  signature: string;
  /** False when the bad-signature switch was on. */
  signatureValid: boolean;
  /** Set on the second copy the duplicate switch sends. */
  duplicateOf: number | null;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  responseStatus: number | null;
  attemptLog: DeliveryAttempt[];
}

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

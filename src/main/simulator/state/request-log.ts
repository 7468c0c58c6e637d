import { z } from 'zod';

/** One API request as the simulator saw it, with the X-REQUEST-ID it carried (or was given). */
export const requestLogEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  method: z.string(),
  path: z.string(),
  /** The query string as sent, without the `?` ('' when there was none). */
  query: z.string(),
  requestId: z.string(),
  requestIdSent: z.boolean(),
  status: z.number().int(),
  clientId: z.string().nullable(),
  errorId: z.string().nullable(),
  fault: z.string().nullable(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

/** Kept with the time as a number; the ISO string is made only when the log is read. */
type StoredEntry = Omit<RequestLogEntry, 'at'> & { atMs: number };

/** A bounded ring of the newest requests, so a long benchmark or soak never grows memory without end. */
export class RequestLog {
  private entries: StoredEntry[] = [];
  private seq = 0;
  private readonly capacity: () => number;

  constructor(capacity: () => number) {
    this.capacity = capacity;
  }

  /** Takes the entry as it is (its `seq` is overwritten), so the hot path allocates one object per request. */
  add(entry: StoredEntry): void {
    this.seq += 1;
    entry.seq = this.seq;
    this.entries.push(entry);
    // Trimmed in batches (a quarter of the capacity at a time) so that adding stays O(1) amortised.
    const capacity = this.capacity();
    if (this.entries.length > capacity + Math.max(16, capacity >> 2)) this.entries = this.entries.slice(-capacity);
  }

  since(seq: number): RequestLogEntry[] {
    const capacity = this.capacity();
    const newest = this.entries.length > capacity ? this.entries.slice(-capacity) : this.entries;
    return newest
      .filter((entry) => entry.seq > seq)
      .map(({ atMs, ...entry }) => ({ ...entry, at: new Date(atMs).toISOString() }));
  }

  get total(): number {
    return this.seq;
  }
}

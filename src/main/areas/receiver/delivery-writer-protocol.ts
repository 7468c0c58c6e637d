import type { Outcome, Rejection, StoredDelivery, VerifiedDelivery } from './webhook-event-store.ts';

/** What main sends the writer thread. Bodies travel as one transferred buffer; the rest as one JSON text. */
export type WriterRequest =
  | { kind: 'verified'; seq: number; bodies: Uint8Array; meta: string }
  | { kind: 'rejections'; seq: number; rows: Rejection[] }
  | { kind: 'outcomes'; seq: number; outcomes: Outcome[] }
  | { kind: 'close' };

/** What the writer thread answers: a verified batch is committed (`stored`) or not at all (`error`). */
export type WriterReply =
  { kind: 'stored'; seq: number; stored: StoredDelivery[] } | { kind: 'failed'; seq: number; error: string };

type DeliveryMeta = Omit<VerifiedDelivery, 'body'> & { bytes: number };

/** One batch as a request: the body bytes copied into a fresh buffer of their own, so transferring it moves nothing else. */
export function encodeBatch(
  seq: number,
  deliveries: readonly VerifiedDelivery[],
): { request: WriterRequest & { kind: 'verified' }; transfer: ArrayBuffer[] } {
  let total = 0;
  for (const delivery of deliveries) total += delivery.body.length;
  const bodies = new Uint8Array(total);
  const meta: DeliveryMeta[] = [];
  let offset = 0;
  for (const { body, ...rest } of deliveries) {
    bodies.set(body, offset);
    offset += body.length;
    meta.push({ ...rest, bytes: body.length });
  }
  return { request: { kind: 'verified', seq, bodies, meta: JSON.stringify(meta) }, transfer: [bodies.buffer] };
}

export function decodeBatch(request: WriterRequest & { kind: 'verified' }): VerifiedDelivery[] {
  const meta = JSON.parse(request.meta) as DeliveryMeta[];
  const { buffer, byteOffset } = request.bodies;
  let offset = byteOffset;
  return meta.map(({ bytes, ...rest }) => {
    const body = Buffer.from(buffer, offset, bytes);
    offset += bytes;
    return { ...rest, body };
  });
}

// Webhook verification throughput: the debugger's success path against a bare createHmac + timingSafeEqual
// loop measured in the same run (goal: ratio >= 0.9; diagnosis runs only on failure). Interleaved rounds,
// median of each; bounded in time. Run: node bench/webhook-verify.bench.ts
import crypto from 'node:crypto';
import { normaliseHeader, verifySignature } from '../src/main/areas/webhooks/signature.ts';
import { createWebhookService } from '../src/main/areas/webhooks/webhook-service.ts';

const SECRET = 'whsec_bench-secret-0123456789';
const ROUNDS = 7;
const ROUND_MS = 150;

function jsonBody(bytes: number): string {
  const items: Array<Record<string, unknown>> = [];
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < bytes; i += 1) {
    items.push({
      id: `01HZ46Q0P0242STC8TBV9${String(i).padStart(5, '0')}`,
      brandName: 'Swiggy',
      amount: 1000.5 + i,
      validTill: '2025-04-04',
    });
    text = JSON.stringify({ transactionReferenceId: '01HRVY38NCAANDYPN3WVGJCDSG', vouchers: items });
  }
  return text.slice(0, bytes - 2) + '"}';
}

function bare(body: Buffer | string, header: string, secret: string): boolean {
  const expected = Buffer.from(crypto.createHmac('sha256', secret).update(body).digest('base64'));
  const given = Buffer.from(header);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Operations per second of `fn`, one timed round. */
function round(fn: () => boolean): number {
  let count = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ROUND_MS) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 32; i += 1) if (!fn()) throw new Error('verification failed in the benchmark');
    count += 32;
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

async function roundAsync(fn: () => Promise<boolean>): Promise<number> {
  let count = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ROUND_MS) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 16; i += 1) if (!(await fn())) throw new Error('verification failed in the benchmark');
    count += 16;
    now = process.hrtime.bigint();
  }
  return count / (Number(now - start) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (value: number) => Math.round(value).toLocaleString('en').padStart(9);

const service = createWebhookService({
  secrets: { webhookSecretFor: async () => null, otherProfiles: async () => [] },
  auditSigning: () => {},
});

for (const size of [1024, 64 * 1024]) {
  const text = jsonBody(size);
  const body = Buffer.from(text);
  const header = crypto.createHmac('sha256', SECRET).update(body).digest('base64');
  const label = `${size / 1024} KB`;

  const baseline: number[] = [];
  const core: number[] = [];
  const baselineText: number[] = [];
  const whole: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    baseline.push(round(() => bare(body, header, SECRET)));
    core.push(round(() => verifySignature(body, normaliseHeader(header)!, SECRET).valid));
    baselineText.push(round(() => bare(text, header, SECRET)));
    whole.push(
      await roundAsync(
        async () =>
          (await service.verify({ body: { text }, signatureHeader: header, secret: { kind: 'pasted', value: SECRET } }))
            .verdict === 'valid',
      ),
    );
  }
  const base = median(baseline);
  const baseText = median(baselineText);
  console.log(`${label} body (${body.length} bytes)`);
  console.log(`  baseline: createHmac + timingSafeEqual on the bytes   ${fmt(base)} verifications/s`);
  console.log(
    `  verifySignature, success path, same bytes            ${fmt(median(core))} verifications/s   ratio ${(median(core) / base).toFixed(3)}`,
  );
  console.log(`  baseline: createHmac + timingSafeEqual on the text    ${fmt(baseText)} verifications/s`);
  console.log(
    `  service.verify({body:{text}}), success path          ${fmt(median(whole))} verifications/s   ratio ${(median(whole) / baseText).toFixed(3)} (async call, secret lookup, answer object)`,
  );
}

// For scale only: a failing verification runs the diagnosis (here a re-serialised body, found in stage 3).
const original = JSON.stringify({ id: 'order_id', status: 'SUCCESS', amount: 1000.0, note: 'Café' }, null, 2);
const failingHeader = crypto.createHmac('sha256', SECRET).update(original).digest('base64');
const compact = JSON.stringify(JSON.parse(original));
const diagnoses: number[] = [];
for (let r = 0; r < 3; r += 1) {
  diagnoses.push(
    await roundAsync(
      async () =>
        (
          await service.verify({
            body: { text: compact },
            signatureHeader: failingHeader,
            secret: { kind: 'pasted', value: SECRET },
          })
        ).findings[0]?.code === 'BODY_RESERIALISED',
    ),
  );
}
console.log(
  `diagnosis of a re-serialised ${Buffer.byteLength(compact)}-byte body: ${fmt(median(diagnoses))} per second (not a goal; failure path only)`,
);

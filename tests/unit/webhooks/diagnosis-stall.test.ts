import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/shared/webhooks/limits.ts';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// The diagnosis runs in main, next to every other IPC call and timer. Whatever the input, main must keep
// turning: measured here with a 1 ms timer while hostile diagnoses run through the router. Two measures per
// turn of the event loop: the wall-clock gap (what a user feels; includes the OS descheduling this process on
// a busy machine) and the CPU time this thread spent between two turns (what the diagnosis itself held main
// for, independent of the machine's load).

let wh: WebhooksCore;
beforeAll(async () => {
  wh = await startWebhooksCore();
});
afterAll(async () => {
  await wh.close();
});

const threadCpuMs = () => {
  const usage = process.threadCpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function whileMeasuringTheEventLoop<T>(
  run: () => Promise<T>,
): Promise<{ value: T; maxGapMs: number; maxCpuMs: number; turns: number }> {
  let lastWall = performance.now();
  let lastCpu = threadCpuMs();
  let maxGapMs = 0;
  let maxCpuMs = 0;
  let turns = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = threadCpuMs();
    maxGapMs = Math.max(maxGapMs, wall - lastWall);
    maxCpuMs = Math.max(maxCpuMs, cpu - lastCpu);
    lastWall = wall;
    lastCpu = cpu;
    turns += 1;
  }, 1);
  try {
    const value = await run();
    // One more turn, so a stall at the very end is measured too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { value, maxGapMs, maxCpuMs, turns };
  } finally {
    clearInterval(timer);
  }
}

/** `[{"a":1},{"a":1},…]` up to 1 MiB: a quarter of a million JSON values to parse, print and sort. */
function manySmallObjects(): string {
  const item = '{"a":1},';
  const text = `[${item.repeat(Math.floor((MAX_BODY_BYTES - 2) / item.length))}`;
  return `${text.slice(0, -1)}]`;
}

/** Several tokens shaped like signatures, none of them right. */
const SIGNATURE_LIKE_HEADER = Array.from({ length: 6 }, (_, i) => Buffer.alloc(32, i + 1).toString('base64')).join(' ');
const PADDED_SECRET = { kind: 'pasted', value: '  whsec_stall-test \r\n\t' } as const;

describe('the diagnosis never stalls main', () => {
  it('a 1 MiB body of small objects, signature-like header tokens and a whitespace-padded secret', async () => {
    const body = manySmallObjects();
    const { value, maxGapMs, maxCpuMs, turns } = await whileMeasuringTheEventLoop(() =>
      wh.verify({ body: { text: body }, signatureHeader: SIGNATURE_LIKE_HEADER, secret: PADDED_SECRET }),
    );
    expect(value.verdict).toBe('invalid');
    expect(value.findings.map((finding) => finding.code)).toEqual(['NO_EXPLANATION']);
    // Bounded: the least likely layouts of a body this size are left out, and the answer says so.
    expect(value.checked.join('\n')).toMatch(/past the work limit/);
    expect(turns).toBeGreaterThan(10);
    expect(maxCpuMs).toBeLessThan(100);
    expect(maxGapMs).toBeLessThan(1000);
  });

  it('a million newlines, 1 MiB of escaped text, and a 1 MiB re-serialised body with its diff', async () => {
    const newlines = `${'\n'.repeat(MAX_BODY_BYTES - 2)}{}`;
    const escaped = JSON.stringify({ s: 'é/<'.repeat(150_000) });
    const pretty = JSON.stringify(JSON.parse(manySmallObjects().slice(0, 600_001).replace(/,$/, '') + ']'), null, 2);
    const compact = JSON.stringify(JSON.parse(pretty));
    const signed = crypto.createHmac('sha256', 'whsec_stall').update(pretty).digest('base64');
    const { value, maxGapMs, maxCpuMs } = await whileMeasuringTheEventLoop(async () => [
      await wh.verify({ body: { text: newlines }, signatureHeader: SIGNATURE_LIKE_HEADER, secret: PADDED_SECRET }),
      await wh.verify({ body: { text: escaped }, signatureHeader: SIGNATURE_LIKE_HEADER, secret: PADDED_SECRET }),
      await wh.verify({
        body: { text: compact },
        signatureHeader: signed,
        secret: { kind: 'pasted', value: 'whsec_stall' },
      }),
    ]);
    const [, , reserialised] = value as [Verification, Verification, Verification];
    // Normal findings still come out of a bounded, sliced search.
    expect(reserialised.findings.map((finding) => finding.code)).toEqual(['BODY_RESERIALISED']);
    expect(reserialised.diff?.rightBytes).toBe(Buffer.byteLength(pretty));
    expect(JSON.stringify(reserialised.diff).length).toBeLessThan(64 * 1024);
    expect(maxCpuMs).toBeLessThan(100);
    expect(maxGapMs).toBeLessThan(1000);
  });
});

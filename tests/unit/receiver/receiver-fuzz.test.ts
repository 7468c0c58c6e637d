import net from 'node:net';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xVerifyOf } from '../../../src/main/areas/receiver/x-verify.ts';
import { events, openProfileDb, startTestReceiver, tempDir, type TestReceiver } from './receiver-fixture.ts';
import type Database from 'better-sqlite3';

const SECRET = 'fuzz-webhook-secret';
/** Bounded so the suite stays fast on 2 cores; HUBBLE_FUZZ_REQUESTS=50000 runs the full figure. */
const TOTAL = Number(process.env['HUBBLE_FUZZ_REQUESTS'] ?? 5000);
/** The test's time limit, a safety net and not a figure: 50,000 requests take a minute or more on 2 busy cores. */
const TIME_LIMIT_MS = Math.max(60_000, TOTAL * 12);
const CONCURRENCY = 32;

/** A small seeded generator: the same hostile mix on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

let db: Database.Database;
let receiver: TestReceiver;
let agent: Agent;
beforeAll(async () => {
  db = openProfileDb(path.join(tempDir('receiver-fuzz-'), 'fuzz.db'));
  receiver = await startTestReceiver({ db, profileId: 'fuzz', secret: SECRET, requestTimeoutMs: 1000 });
  agent = new Agent({ connections: CONCURRENCY, pipelining: 0 });
});
afterAll(async () => {
  await agent.close();
  await receiver.close();
  db.close();
});

const post = async (body: Buffer | string, headers: Record<string, string>) => {
  try {
    const response = await request(receiver.url, { method: 'POST', body, headers, dispatcher: agent });
    await response.body.dump();
    return response.statusCode;
  } catch {
    return 0; // the receiver cut the connection (oversize, slow, malformed): allowed, as long as it keeps serving
  }
};

/** Bytes on a raw socket: what an HTTP client would refuse to send. */
const raw = (url: URL, bytes: Buffer | string, holdMs = 0) =>
  new Promise<string>((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(bytes);
    if (holdMs === 0) socket.end();
    else setTimeout(() => socket.destroy(), holdMs).unref();
  });

describe('webhook fuzz (bounded)', { timeout: TIME_LIMIT_MS }, () => {
  it(`${TOTAL} hostile requests: no crash, no forged event accepted, valid deliveries still answered 200`, async () => {
    const next = random(14);
    const url = new URL(receiver.url);
    const legit = new Set<string>();
    let validSent = 0;
    let validOk = 0;
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);

    // Slow senders hold sockets with half a request: they are cut off, and nobody else waits for them.
    const slow = Array.from({ length: 20 }, () =>
      raw(url, `POST ${url.pathname} HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"id":`, 3000),
    );

    const one = async (index: number) => {
      const body = Buffer.from(JSON.stringify({ id: `01ORDER${index}`, status: next() < 0.5 ? 'SUCCESS' : 'FAILED' }));
      const signature = xVerifyOf(SECRET, body);
      const kind = index % 12;
      if (kind === 0) {
        validSent += 1;
        legit.add(body.toString('latin1'));
        const status = await post(body, { 'x-verify': signature, 'content-type': 'application/json' });
        if (status === 200) validOk += 1;
        return;
      }
      let status: number;
      switch (kind) {
        case 1: {
          const flipped = Buffer.from(body);
          const at = Math.floor(next() * flipped.length);
          flipped[at] = flipped[at]! ^ (1 << Math.floor(next() * 8));
          status = await post(flipped, { 'x-verify': signature });
          break;
        }
        case 2:
          status = await post(body.subarray(0, Math.floor(next() * body.length)), { 'x-verify': signature });
          break;
        case 3:
          status = await post(body, {
            'x-verify': signature,
            'x-junk': 'a'.repeat(20_000 + Math.floor(next() * 40_000)),
          });
          break;
        case 4:
          status = await post(body, { 'x-verify': '%%%not base64!!!' + '='.repeat(Math.floor(next() * 4)) });
          break;
        case 5:
          status = await post(Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d]), { 'x-verify': signature });
          break;
        case 6: {
          const depth = 10_000 + Math.floor(next() * 50_000);
          status = await post('['.repeat(depth) + ']'.repeat(depth), { 'x-verify': signature });
          break;
        }
        case 7:
          status = await post(Buffer.alloc(1024 * 1024 + 1 + Math.floor(next() * 1024), 0x20), {
            'x-verify': signature,
          });
          break;
        case 8: {
          // Chunked without a length: the limit is counted as the bytes arrive.
          const head = `POST ${url.pathname} HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nx-verify: ${signature}\r\n\r\n`;
          const chunk = Buffer.alloc(600 * 1024, 0x61);
          const answer = await raw(
            url,
            Buffer.concat([
              Buffer.from(head),
              Buffer.from(`${chunk.length.toString(16)}\r\n`),
              chunk,
              Buffer.from('\r\n'),
              Buffer.from(`${chunk.length.toString(16)}\r\n`),
              chunk,
              Buffer.from('\r\n0\r\n\r\n'),
            ]),
          );
          status = Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0);
          break;
        }
        case 9:
          status = await post(body, {});
          break;
        case 10: {
          // Garbage instead of HTTP.
          const answer = await raw(url, Buffer.from(Array.from({ length: 200 }, () => Math.floor(next() * 256))));
          status = Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0);
          break;
        }
        default:
          // Another profile's secret, or the right secret over the wrong bytes.
          status = await post(body, { 'x-verify': xVerifyOf(`${SECRET}x`, body) });
      }
      count(status);
    };

    let started = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (started < TOTAL) await one(started++);
      }),
    );
    await Promise.all(slow);
    await receiver.runtime.drain();

    // Still serving after the storm.
    const after = Buffer.from('{"id":"01AFTER","status":"SUCCESS"}');
    expect(await post(after, { 'x-verify': xVerifyOf(SECRET, after) })).toBe(200);
    legit.add(after.toString('latin1'));

    expect(validOk).toBe(validSent);
    const accepted = events(db).filter((row) => row.verdict === 'valid');
    expect(accepted).toHaveLength(validSent + 1);
    expect(accepted.every((row) => legit.has(row.body!.toString('latin1')))).toBe(true);
    expect([...statuses.keys()].every((status) => [0, 400, 401, 413, 431].includes(status))).toBe(true);
    expect(statuses.get(401)).toBeGreaterThan(0);
    expect(statuses.get(413) ?? 0).toBeGreaterThan(0);
  });
});

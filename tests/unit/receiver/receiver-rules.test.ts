import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { xVerifyOf } from '../../../src/main/areas/receiver/x-verify.ts';
import { dedupeKeyOf } from '../../../src/main/areas/receiver/dedupe-key.ts';
import { createReceiverHandlers, EXPOSURE_WARNING } from '../../../src/main/areas/receiver/receiver-handlers.ts';
import { sourceAddressOf } from '../../../src/main/areas/receiver/source-address.ts';
import { createAuditLog } from '../../../src/main/kernel/audit/audit-log.ts';
import type { ProfileScope } from '../../../src/main/kernel/scopes/profile-scope.ts';
import { appMigrations } from '../../../src/main/store/app-migrations/index.ts';
import { openDatabase } from '../../../src/main/store/open-database.ts';
import { events, openProfileDb, startTestReceiver, tempDir, type TestReceiver } from './receiver-fixture.ts';

const SECRET = 'rules-webhook-secret';
const HUBBLE = '35.200.156.199';
let db: Database.Database;
let receiver: TestReceiver | null = null;
beforeEach(() => {
  db = openProfileDb(path.join(tempDir('receiver-rules-'), 'p.db'));
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
  db.close();
});

const send = async (url: string, body: Buffer, headers: Record<string, string> = {}) => {
  const response = await request(url, {
    method: 'POST',
    body,
    headers: { 'x-verify': xVerifyOf(SECRET, body), ...headers },
  });
  await response.body.dump();
  return response.statusCode;
};

describe('source address and X-Forwarded-For', () => {
  it('ignores X-Forwarded-For unless the peer is a configured proxy, then believes only the hop the proxy saw', () => {
    expect(sourceAddressOf('127.0.0.1', HUBBLE, [])).toBe('127.0.0.1');
    expect(sourceAddressOf('::ffff:10.0.0.2', `${HUBBLE}`, ['10.0.0.2'])).toBe(HUBBLE);
    // The sender wrote the left-most entry itself; the proxy appended the real peer.
    expect(sourceAddressOf('10.0.0.2', `${HUBBLE}, 203.0.113.9`, ['10.0.0.2'])).toBe('203.0.113.9');
    expect(sourceAddressOf('10.0.0.2', 'not-an-ip', ['10.0.0.2'])).toBe('10.0.0.2');
  });

  it('with the allow-list on, only Hubble’s addresses (through the trusted proxy) get in; others get 403 and a rejection record', async () => {
    receiver = await startTestReceiver({
      db,
      profileId: 'p',
      secret: SECRET,
      settings: { hubbleAddressesOnly: true, trustedProxies: ['127.0.0.1'] },
    });
    const body = Buffer.from('{"balance":900,"threshold":1000}');
    expect(await send(receiver.url, body)).toBe(403);
    expect(await send(receiver.url, body, { 'x-forwarded-for': '198.51.100.7' })).toBe(403);
    expect(await send(receiver.url, body, { 'x-forwarded-for': HUBBLE })).toBe(200);
    expect(events(db).map((row) => [row.verdict, row.source_ip])).toEqual([
      ['forbidden', '127.0.0.1'],
      ['forbidden', '198.51.100.7'],
      ['valid', HUBBLE],
    ]);
  });
});

describe('limits', () => {
  it('rate-limits per source: past the budget a sender gets 429 and nothing is stored', async () => {
    receiver = await startTestReceiver({ db, profileId: 'p', secret: SECRET, settings: { ratePerMinute: 3 } });
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(await send(receiver.url, Buffer.from(`{"id":"o${i}","status":"SUCCESS"}`)));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(events(db)).toHaveLength(3);
  });

  it('takes a body of exactly the limit and refuses one byte more with 413, before any signature check', async () => {
    receiver = await startTestReceiver({ db, profileId: 'p', secret: SECRET, settings: { maxBodyBytes: 2048 } });
    const fits = Buffer.from(`{"id":"o1","status":"SUCCESS","pad":"${'x'.repeat(2048 - 39)}"}`);
    expect(fits.length).toBe(2048);
    expect(await send(receiver.url, fits)).toBe(200);
    expect(await send(receiver.url, Buffer.concat([fits, Buffer.from(' ')]))).toBe(413);
    expect(events(db).map((row) => [row.verdict, row.body_bytes, row.body === null])).toEqual([
      ['valid', 2048, false],
      ['too-large', 2049, true],
    ]);
  });

  it('keeps the headers of a verified delivery without credentials, and answers a missing signature 401', async () => {
    receiver = await startTestReceiver({ db, profileId: 'p', secret: SECRET });
    const body = Buffer.from('{"id":"o1","status":"FAILED"}');
    await send(receiver.url, body, { authorization: 'Bearer abc', cookie: 's=1', 'x-api-key': 'k' });
    const missing = await request(receiver.url, { method: 'POST', body });
    await missing.body.dump();
    expect(missing.statusCode).toBe(401);
    const [stored, rejected] = events(db);
    const headers = JSON.parse(stored!.headers_json) as Record<string, string>;
    expect(headers['x-verify']).toBe(xVerifyOf(SECRET, body));
    expect(Object.keys(headers)).not.toEqual(expect.arrayContaining(['authorization']));
    expect(stored!.headers_json).not.toMatch(/Bearer|s=1|"k"/);
    expect(rejected).toMatchObject({ verdict: 'missing', state: 'rejected' });
  });
});

describe('dedupe keys', () => {
  const body = Buffer.from('{}');
  it('keys orders by (id, status), SDK transactions by reference + status, brands by id + payload hash', () => {
    expect(dedupeKeyOf('order-terminal-state', { id: 'O1', status: 'SUCCESS' }, body)).toBe('order:O1:SUCCESS');
    expect(dedupeKeyOf('sdk-transaction-failed', { transactionReferenceId: 'T1', orderStatus: 'FAILED' }, body)).toBe(
      'sdk-transaction:T1:FAILED',
    );
    const a = dedupeKeyOf('brand-updated', { id: 'B1' }, Buffer.from('{"id":"B1","status":"ACTIVE"}'));
    const b = dedupeKeyOf('brand-updated', { id: 'B1' }, Buffer.from('{"id":"B1","status":"INACTIVE"}'));
    expect(a).toMatch(/^brand:B1:/);
    expect(a).not.toBe(b);
  });
});

describe('replay and settings', () => {
  it('replays the exact bytes and X-Verify to the operator’s URL, audited without the query string', async () => {
    receiver = await startTestReceiver({ db, profileId: 'p', secret: SECRET });
    const body = Buffer.from('{ "id" : "O9", "status": "SUCCESS" }\n');
    await send(receiver.url, body);
    const got: Array<{ body: Buffer; verify: string | undefined }> = [];
    const target = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        got.push({ body: Buffer.concat(chunks), verify: req.headers['x-verify'] as string | undefined });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const appDb = openDatabase(path.join(tempDir('receiver-app-'), 'app.db'), appMigrations);
    const audit = createAuditLog(appDb);
    const scope = {
      db,
      profileId: 'p',
      profile: () => ({ id: 'p', name: 'Staging', webhookReceiver: { enabled: true, port: 0 } }),
    };
    const handlers = createReceiverHandlers({
      activeScope: () => scope as unknown as ProfileScope,
      simulatorScope: () => scope as unknown as ProfileScope,
      runtimeOf: () => receiver!.runtime,
      reconcile: async () => undefined,
      audit,
      now: Date.now,
    });
    try {
      const [event] = events(db);
      const url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/hooks?token=abc`;
      const outcome = await handlers.replay({ id: event!.id, url, acknowledgeIdempotency: true });
      expect(outcome).toMatchObject({ status: 200, error: null });
      expect(got).toEqual([{ body, verify: xVerifyOf(SECRET, body) }]);
      const [entry] = audit.list();
      expect(entry).toMatchObject({ action: 'receiver.replay', profileId: 'p' });
      expect(JSON.stringify(entry!.details)).not.toContain('token=abc');

      await expect(
        handlers.updateSettings({
          settings: {
            ...receiver.runtime.status(),
            bindAddress: '0.0.0.0',
            maxBodyBytes: 4096,
            ratePerMinute: 10,
            hubbleAddressesOnly: true,
            trustedProxies: [],
          } as never,
        }),
      ).rejects.toThrow(EXPOSURE_WARNING);
    } finally {
      target.close();
      appDb.close();
    }
  });
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/main/simulator/demo-clients.ts';
import { fixture, opensslSignature } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// The signing tool's curl command is run for real against a loopback endpoint, which checks the bytes it
// received with openssl: what a partner would do to test their own receiver.

const SECRET = 'whsec_signing-tool';
let wh: WebhooksCore;
let server: http.Server;
let url: string;
const received: Array<{ body: Buffer; headers: http.IncomingHttpHeaders; method: string }> = [];

beforeAll(async () => {
  wh = await startWebhooksCore();
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: request.headers, method: request.method ?? '' });
      response.writeHead(200).end('OK');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubble/webhook?env=test`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await wh.close();
});

/** Async on purpose: the endpoint lives in this process, so a blocking spawn would deadlock it. */
async function runCurl(curl: string, cwd?: string) {
  received.length = 0;
  const child = spawn('bash', ['-c', curl], { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(status, stderr).toBe(0);
  expect(received).toHaveLength(1);
  return received[0]!;
}

describe('signing tool', () => {
  it('signs the pretty seed body; its curl delivers the exact bytes with a header openssl agrees with', async () => {
    const body = fixture('brand-updated');
    const signed = await wh.sign({
      body: { text: body.toString('utf8') },
      secret: { kind: 'pasted', value: SECRET },
      url,
    });
    expect(signed.signature).toBe(opensslSignature(body, SECRET));
    expect(signed.curlBody).toBe('inline');
    expect(JSON.stringify(signed)).not.toContain(SECRET);
    const request = await runCurl(signed.curl);
    expect(request.method).toBe('POST');
    expect(request.body.equals(body)).toBe(true);
    expect(request.headers['x-verify']).toBe(opensslSignature(request.body, SECRET));
    expect(request.headers['content-type']).toBe('application/json');
  });

  it("signs with a profile's secret from the profiles service", async () => {
    const body = fixture('wallet-low-balance');
    const signed = await wh.signWithProfile({ body: { text: body.toString('utf8') }, profileId: 'simulator', url });
    expect(signed.signature).toBe(opensslSignature(body, DEMO_CLIENTS.staging.webhookSecret));
    expect(JSON.stringify(signed)).not.toContain(DEMO_CLIENTS.staging.webhookSecret);
  });

  it('audits signing with a stored secret (a forged Hubble request), but not with a pasted one', async () => {
    const auditedSignings = async () => {
      const listed = await wh.dispatch('audit.list', { limit: 200 });
      if (!listed.ok) throw new Error(listed.error.message);
      return (
        listed.value as {
          entries: Array<{ action: string; profileId: string | null; details: Record<string, unknown> }>;
        }
      ).entries.filter((entry) => entry.action === 'webhooks.signed');
    };
    const before = (await auditedSignings()).length;
    const body = fixture('order-terminal-state');
    await wh.signWithProfile({ body: { text: body.toString('utf8') }, profileId: 'simulator', url });
    await wh.sign({ body: { text: body.toString('utf8') }, secret: { kind: 'pasted', value: SECRET }, url });
    const after = await auditedSignings();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ profileId: 'simulator', details: { bytes: body.length, url } });
    expect(JSON.stringify(after)).not.toContain(DEMO_CLIENTS.staging.webhookSecret);
  });

  it("keeps CR, a BOM, quotes, backslashes and non-UTF-8 bytes exact through $'…' quoting", async () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"name":"O\'Brien \\\\ \\"x\\"",\r\n"n":"Café"}\r\n'),
      Buffer.from([0xff]),
    ]);
    const signed = await wh.sign({
      body: { base64: body.toString('base64') },
      secret: { kind: 'pasted', value: SECRET },
      url,
    });
    expect(signed.curl).toContain("--data-binary $'");
    const request = await runCurl(signed.curl);
    expect(request.body.equals(body)).toBe(true);
    expect(request.headers['x-verify']).toBe(opensslSignature(body, SECRET));
  });

  it('does not echo card numbers or PINs: the curl reads the body from a file', async () => {
    const body = Buffer.from(fixture('sdk-transaction-completed').toString('utf8'));
    const signed = await wh.sign({
      body: { text: body.toString('utf8') },
      secret: { kind: 'pasted', value: SECRET },
      url,
    });
    expect(signed.curlBody).toBe('file');
    expect(JSON.stringify(signed)).not.toContain('5333644476668777');
    expect(signed.notes[0]).toContain('card numbers or PINs');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'curl-body-'));
    try {
      fs.writeFileSync(path.join(dir, signed.bodyFileName!), body);
      const request = await runCurl(signed.curl, dir);
      expect(request.body.equals(body)).toBe(true);
      expect(request.headers['x-verify']).toBe(opensslSignature(body, SECRET));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives raw HTTP headers for the target URL', async () => {
    const body = fixture('order-terminal-state');
    const signed = await wh.sign({
      body: { text: body.toString('utf8') },
      secret: { kind: 'pasted', value: SECRET },
      url,
    });
    const port = new URL(url).port;
    expect(signed.rawHeaders).toBe(
      `POST /hubble/webhook?env=test HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Verify: ${signed.signature}\r\n\r\n`,
    );
    expect(signed.headerLine).toBe(`X-Verify: ${opensslSignature(body, SECRET)}`);
  });

  it('what it signs, the debugger verifies', async () => {
    const body = fixture('sdk-partner-discount-updated').toString('utf8');
    const signed = await wh.signWithProfile({ body: { text: body }, profileId: 'simulator' });
    expect(signed.rawHeaders).toContain('POST /hubble-webhook HTTP/1.1');
    const verified = await wh.verify({
      body: { text: body },
      signatureHeader: signed.signature,
      secret: { kind: 'profile', profileId: 'simulator' },
    });
    expect(verified.verdict).toBe('valid');
  });
});

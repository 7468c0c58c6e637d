import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../fixtures/harness.ts';

const TOKEN = 'test-token-0123456789';
let harness: Harness;

let staticDir: string;

// A stand-in renderer build, so this suite does not depend on `npm run build:renderer` having run.
beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bridge-static-'));
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  fs.writeFileSync(path.join(staticDir, 'assets/app.js'), 'export {};');
  harness = await startHarness({ token: TOKEN, staticDir });
});
afterAll(async () => {
  await harness.close();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const invoke = (body: string, headers: Record<string, string> = { 'x-bridge-token': TOKEN }) =>
  fetch(new URL('/__bridge/invoke', harness.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

/** A raw request with a chosen Host header (fetch will not let us forge it). */
function rawRequest(host: string, requestPath = '/'): Promise<number> {
  const url = new URL(harness.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: requestPath, headers: { host } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('browser harness bridge', () => {
  it('listens on loopback only', () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  });

  it('serves the contract to a caller with the token', async () => {
    const response = await invoke(JSON.stringify({ channel: 'profiles.list' }));
    expect(await response.json()).toMatchObject({ ok: true, value: { activeProfileId: 'simulator' } });
  });

  it('refuses a caller without the right token', async () => {
    expect((await invoke(JSON.stringify({ channel: 'app.info' }), {})).status).toBe(403);
    expect((await invoke(JSON.stringify({ channel: 'app.info' }), { 'x-bridge-token': 'wrong' })).status).toBe(403);
    expect((await fetch(new URL('/__bridge/events?token=wrong', harness.url))).status).toBe(403);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    expect(await rawRequest('evil.example:80')).toBe(421);
    expect(await rawRequest(new URL(harness.url).host)).toBe(200);
  });

  it('answers malformed bridge messages with VALIDATION instead of crashing', async () => {
    for (const body of ['not json', '[]', '{"channel": 5}', '']) {
      expect(await (await invoke(body)).json()).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
    }
  });

  it('injects the token and the bridge preload into the page, with the CSP header', async () => {
    const response = await fetch(harness.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain(`content="${TOKEN}"`);
    expect(html.indexOf('/harness-preload.js')).toBeLessThan(html.indexOf('/assets/'));
  });

  it('refuses path traversal on static files (sent raw: fetch would normalise the path first)', async () => {
    const host = new URL(harness.url).host;
    for (const attempt of [
      '/%2e%2e/%2e%2e/package.json',
      '/../../package.json',
      '/assets/..%2f..%2f..%2fpackage.json',
    ]) {
      expect([403, 404]).toContain(await rawRequest(host, attempt));
    }
  });

  it('pushes main events to subscribers as server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(new URL(`/__bridge/events?token=${TOKEN}`, harness.url), {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment: the subscription is live
    harness.core.events.emit('profiles.changed', {
      activeProfileId: 'simulator',
      profiles: [],
      welcomeDismissed: false,
    });
    let text = '';
    while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toContain('event: profiles.changed');
    expect(text).toContain('"activeProfileId":"simulator"');
  });
});

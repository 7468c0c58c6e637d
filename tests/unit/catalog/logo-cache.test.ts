import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LogoCache } from '../../../src/main/areas/catalog/logo-cache.ts';
import { startSimulator } from '../../../src/main/simulator/index.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';
import { catalogConsole } from './catalog-fixture.ts';

const PNG = Buffer.alloc(1_000, 7);
const hits = new Map<string, number>();
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    hits.set(url, (hits.get(url) ?? 0) + 1);
    if (url.startsWith('/png/')) return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    if (url === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>not an image</p>');
    if (url === '/missing') return res.writeHead(404, { 'content-type': 'image/png' }).end();
    if (url === '/huge') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(50_000));
    // '/silent': headers never come.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => hits.clear());
const tempDir = useTempDir('logos-');

describe('the logo cache', () => {
  it('fetches once, answers later calls (and a restarted console) from disk', async () => {
    const dir = tempDir();
    const cache = new LogoCache({ dir });
    const first = await cache.dataUrl('p1', `${base}/png/a`);
    expect(first).toBe(`data:image/png;base64,${PNG.toString('base64')}`);
    expect(await cache.dataUrl('p1', `${base}/png/a`)).toBe(first);
    expect(await new LogoCache({ dir }).dataUrl('p1', `${base}/png/a`)).toBe(first);
    expect(hits.get('/png/a')).toBe(1);
    expect(fs.readdirSync(path.join(dir, 'p1'))).toHaveLength(1);
  });

  it('answers null (the caller shows initials) for a non-image, a 404, an oversized or silent image, or a non-web URL', async () => {
    const cache = new LogoCache({ dir: tempDir(), maxImageBytes: 10_000, timeoutMs: 200 });
    for (const url of [
      `${base}/html`,
      `${base}/missing`,
      `${base}/huge`,
      `${base}/silent`,
      'file:///etc/passwd',
      'not a url',
      null,
    ])
      expect(await cache.dataUrl('p1', url)).toBeNull();
    // A failed URL is not asked again at once.
    await cache.dataUrl('p1', `${base}/missing`);
    expect(hits.get('/missing')).toBe(1);
    expect(cache.sizeOf('p1')).toBe(0);
  });

  it('keeps each profile under its cap, dropping the least recently shown logo first', async () => {
    let now = 1_000;
    const cache = new LogoCache({ dir: tempDir(), maxBytesPerProfile: 2_500, now: () => (now += 1_000) });
    await cache.dataUrl('p1', `${base}/png/a`);
    await cache.dataUrl('p1', `${base}/png/b`);
    await cache.dataUrl('p1', `${base}/png/a`);
    await cache.dataUrl('p1', `${base}/png/c`);
    expect(cache.sizeOf('p1')).toBe(2_000);
    await cache.dataUrl('p1', `${base}/png/a`);
    await cache.dataUrl('p1', `${base}/png/c`);
    expect([hits.get('/png/a'), hits.get('/png/c')]).toEqual([1, 1]);
    await cache.dataUrl('p1', `${base}/png/b`);
    expect(hits.get('/png/b')).toBe(2);
    // Another profile has its own folder and its own cap.
    await cache.dataUrl('p2', `${base}/png/a`);
    expect(cache.sizeOf('p2')).toBe(1_000);
    cache.prune(['p1']);
    expect(cache.sizeOf('p2')).toBe(0);
  });

  it('serves catalog.logo from the simulator’s brand art, and initials for a brand without a usable logo', async () => {
    const sim = await startSimulator({ seed: 7 });
    const app = await catalogConsole(sim);
    try {
      await app.call('syncNow');
      const { rows } = await app.call('search', { limit: 2 });
      const logo = await app.call('logo', { brandId: rows[0]!.id });
      expect('dataUrl' in logo && logo.dataUrl.startsWith('data:image/svg+xml;base64,')).toBe(true);
      const svg = Buffer.from((logo as { dataUrl: string }).dataUrl.split(',')[1]!, 'base64').toString();
      expect(svg).toContain('<svg');
      expect(fs.readdirSync(path.join(app.dataDir, 'logos', 'simulator'))).toHaveLength(1);

      const scope = app.kernel.scopes.get('simulator');
      scope.db
        .prepare('UPDATE brands SET logo_url = ? WHERE id = ?')
        .run(`${sim.baseUrl}/__sim/assets/tnc/${rows[1]!.id}.html`, rows[1]!.id);
      expect(await app.call('logo', { brandId: rows[1]!.id })).toEqual({ initials: rows[1]!.initials });
    } finally {
      await app.close();
      await sim.close();
    }
  });
});

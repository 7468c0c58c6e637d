import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueOfSize } from '../../../src/main/simulator/catalogue/catalogue-of-size.ts';
import { brandSchema } from '../../../src/main/simulator/catalogue/catalogue-schema.ts';
import { loadCatalogue } from '../../../src/main/simulator/catalogue/load-catalogue.ts';
import { DEMO_CLIENTS, startTestSim, useTestSim, type TestSim } from './kit.ts';

interface BrandList {
  data: Array<{ id: string; title: string; status: string }>;
  nextCursor: { pageNo: number; limit: number } | string | null;
}

const seedCatalogue = loadCatalogue();
const hiddenFromStaging = seedCatalogue.simulator.notEnabled[DEMO_CLIENTS.staging.clientId]!.length;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const list = (sim: TestSim, token: string, query = '') =>
  sim.api<BrandList>('GET', `/v1/partners/products${query}`, { token });

/**
 * A client's paging loop, as the console's catalog sync runs it: first call without paging parameters, then
 * follow `nextCursor` until it is null. An object cursor is sent back as pageNo and limit, a string as `cursor`.
 */
async function followCursors(sim: TestSim, token: string): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  let query = '';
  for (let guard = 0; guard < 1000; guard += 1) {
    const answer = await list(sim, token, query);
    expect(answer.status).toBe(200);
    ids.push(...answer.body.data.map((brand) => brand.id));
    pages.push(answer.body.data.length);
    const cursor = answer.body.nextCursor;
    if (cursor === null) return { ids, pages };
    query =
      typeof cursor === 'string'
        ? `?cursor=${encodeURIComponent(cursor)}`
        : `?pageNo=${cursor.pageNo}&limit=${cursor.limit}`;
  }
  throw new Error('the cursor never reached null');
}

describe('a default page size for unpaged product lists (defaultPageSize)', () => {
  const suite = useTestSim();
  let t: TestSim;
  let token: string;
  beforeEach(() => {
    ({ sim: t, token } = suite);
  });

  it('unset (the default): `limit` without pageNo still returns everything at once, as the docs say', async () => {
    expect((await t.control.readConfig()).defaultPageSize).toBeNull();
    const answer = await list(t, token, '?limit=5');
    expect(answer.body.data).toHaveLength(seedCatalogue.brands.length - hiddenFromStaging);
    expect(answer.body.nextCursor).toBeNull();
  });

  it('set: an unpaged list is page 1 of that size with an object nextCursor, and following it walks the whole list once', async () => {
    const everything = (await list(t, token)).body.data.map((brand) => brand.id);
    await t.control.config({ defaultPageSize: 25 });
    const first = await list(t, token);
    expect(first.body.data.map((brand) => brand.id)).toEqual(everything.slice(0, 25));
    expect(first.body.nextCursor).toEqual({ pageNo: 2, limit: 25 });

    const walk = await followCursors(t, token);
    expect(walk.ids).toEqual(everything);
    expect(walk.pages.slice(0, -1).every((size) => size === 25)).toBe(true);
    expect(walk.pages.at(-1)).toBe(everything.length - 25 * (walk.pages.length - 1));

    const limited = await list(t, token, '?limit=7');
    expect(limited.body.data.map((brand) => brand.id)).toEqual(everything.slice(0, 7));
    expect(limited.body.nextCursor).toEqual({ pageNo: 2, limit: 7 });
    expect((await list(t, token, '?category=FOOD')).body.data.length).toBeLessThanOrEqual(25);

    await t.control.config({ defaultPageSize: null });
    expect((await list(t, token)).body.data).toHaveLength(everything.length);
  });

  it('set, with string cursors: a client that sends back only `cursor` walks pages of the same size to the end', async () => {
    const everything = (await list(t, token)).body.data.map((brand) => brand.id);
    await t.control.config({ defaultPageSize: 40, nextCursorShape: 'string' });
    expect((await list(t, token)).body.nextCursor).toBe('2');
    const walk = await followCursors(t, token);
    expect(walk.ids).toEqual(everything);
    expect(walk.pages.slice(0, -1).every((size) => size === 40)).toBe(true);
  });

  it('a reset keeps no page size that was set through the controls', async () => {
    await t.control.config({ defaultPageSize: 10 });
    await t.control.reset();
    expect((await t.control.readConfig()).defaultPageSize).toBeNull();
  });
});

describe('starting options: switches and catalogue size', () => {
  it('startSimulator({config}) starts with the switches and returns to them on reset', async () => {
    const sim = await startTestSim({ config: { defaultPageSize: 30, nextCursorShape: 'string' } });
    cleanups.push(() => sim.close());
    const check = async () => {
      const answer = await list(sim, await sim.login());
      expect(answer.body.data).toHaveLength(30);
      expect(answer.body.nextCursor).toBe('2');
    };
    await check();
    await sim.control.config({ defaultPageSize: null, nextCursorShape: 'object' });
    await sim.control.reset();
    await check();
    await expect(startTestSim({ config: { defaultPageSize: 101 } })).rejects.toThrow(/maxPageLimit/);
  });

  it('startSimulator({brands}) serves that many brands: the seed catalogue first, then generated ones every client can see', async () => {
    const sim = await startTestSim({ seed: 11, brands: 1200, config: { defaultPageSize: 100 } });
    cleanups.push(() => sim.close());
    const token = await sim.login();
    const walk = await followCursors(sim, token);
    expect(walk.ids).toHaveLength(1200 - hiddenFromStaging);
    expect(new Set(walk.ids).size).toBe(walk.ids.length);
    expect(await sim.control.fixtures()).toEqual(seedCatalogue.simulator.fixtures);
    const generated = catalogueOfSize(seedCatalogue, 1200, 11).brands.at(-1)!;
    const product = await sim.api<{ id: string; title: string }>('GET', `/v1/partners/products/${generated.id}`, {
      token: await sim.login(DEMO_CLIENTS.b2c),
    });
    expect(product.body).toMatchObject({ id: generated.id, title: generated.title });
    await sim.control.reset();
    expect((await followCursors(sim, await sim.login())).ids).toEqual(walk.ids);
  });

  it('generated brands are deterministic from the seed, complete, unique and realistic', () => {
    const one = catalogueOfSize(seedCatalogue, 1000, 5);
    expect(catalogueOfSize(seedCatalogue, 1000, 5)).toEqual(one);
    expect(one.brands.slice(0, seedCatalogue.brands.length)).toEqual(seedCatalogue.brands);
    expect(one.simulator.fixtures).toEqual(seedCatalogue.simulator.fixtures);
    const generated = one.brands.slice(seedCatalogue.brands.length);
    expect(generated).toHaveLength(1000 - seedCatalogue.brands.length);
    for (const brand of generated) expect(brandSchema.safeParse(brand).success, brand.title).toBe(true);
    expect(new Set(one.brands.map((brand) => brand.id)).size).toBe(1000);
    expect(new Set(one.brands.map((brand) => brand.title)).size).toBe(1000);
    expect(generated.every((brand) => one.simulator.discountValidFrom[brand.id])).toBe(true);
    expect(new Set(generated.map((brand) => brand.denominationType))).toEqual(new Set(['FIXED', 'FLEXIBLE']));
    expect(new Set(generated.map((brand) => brand.status))).toEqual(new Set(['ACTIVE', 'INACTIVE']));
    expect(new Set(generated.flatMap((brand) => brand.category)).size).toBeGreaterThanOrEqual(15);
    expect(generated.some((brand) => brand.category.includes('POPULAR_BRANDS'))).toBe(false);

    const other = catalogueOfSize(seedCatalogue, 1000, 6).brands.slice(seedCatalogue.brands.length);
    expect(other.map((brand) => brand.title)).not.toEqual(generated.map((brand) => brand.title));
    expect(catalogueOfSize(seedCatalogue, seedCatalogue.brands.length, 5)).toBe(seedCatalogue);
    expect(() => catalogueOfSize(seedCatalogue, seedCatalogue.brands.length - 1, 5)).toThrow(RangeError);
    expect(() => catalogueOfSize(seedCatalogue, 100_001, 5)).toThrow(RangeError);
  });

  it('the command takes --brands, --default-page-size and --next-cursor-shape, and refuses a catalogue below the seed one', async () => {
    const cli = path.resolve(import.meta.dirname, '../../../src/main/simulator/cli.ts');
    const child = spawn(
      process.execPath,
      [cli, '--brands', '600', '--default-page-size', '50', '--next-cursor-shape', 'string'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    const printed = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('Ctrl+C')) resolve(output);
      });
      child.once('exit', () => reject(new Error(`simulator exited early: ${output}`)));
    });
    expect(printed).toContain('catalogue: 600 brands');
    const base = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1]!;
    const login = await fetch(`${base}/v1/partners/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: DEMO_CLIENTS.staging.clientId,
        clientSecret: DEMO_CLIENTS.staging.clientSecret,
      }),
    });
    const { token } = (await login.json()) as { token: string };
    const last = (await (
      await fetch(`${base}/v1/partners/products?cursor=12`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as BrandList;
    expect(last.data).toHaveLength(600 - hiddenFromStaging - 11 * 50);
    expect(last.nextCursor).toBeNull();
    child.kill('SIGINT');
    await once(child, 'exit');

    const refused = spawn(process.execPath, [cli, '--brands', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    refused.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(refused, 'exit');
    expect(code).toBe(2);
    expect(errors).toMatch(/--brands must be an integer from 201 to 100000/);
  });
});

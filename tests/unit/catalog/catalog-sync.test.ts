import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { storeOf } from '../../../src/main/areas/catalog/catalog-service.ts';
import { runCatalogSync } from '../../../src/main/areas/catalog/catalog-sync.ts';
import type { PageFetcher } from '../../../src/main/areas/catalog/fetch-catalog.ts';
import { createHubbleClient } from '../../../src/main/hubble/hubble-client.ts';
import { simulatorControl, type SimulatorControl } from '../../../src/main/simulator/control-client.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../../src/main/simulator/index.ts';
import { catalogConsole, type CatalogConsole } from './catalog-fixture.ts';

/** 450 brands: five pages of 100 for the staging client. */
const BRANDS = 450;
let sim: RunningSimulator;
let control: SimulatorControl;
let app: CatalogConsole | undefined;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, brands: BRANDS });
  control = simulatorControl(sim.baseUrl);
});
afterAll(() => sim.close());
beforeEach(() => control.reset({ seed: 7, scenario: 'calm' }));
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every brand id enabled for the staging client, from one unpaged list (Hubble: no pageNo, everything). */
async function enabledBrandIds(): Promise<string[]> {
  const client = createHubbleClient(
    {
      profileId: 'check',
      environment: 'simulator',
      baseUrl: sim.baseUrl,
      clientId: DEMO_CLIENTS.staging.clientId,
      clientSecret: async () => DEMO_CLIENTS.staging.clientSecret,
    },
    { record: () => undefined },
  );
  const all = await client.listProducts();
  await client.close();
  if (all.outcome !== 'ok') throw new Error('the unpaged list failed');
  return all.value.brands.map((brand) => brand.id).sort();
}

const scopeOf = (running: CatalogConsole) => running.kernel.scopes.get(running.kernel.active.id());
const storedIds = (running: CatalogConsole) =>
  (scopeOf(running).db.prepare('SELECT id FROM brands ORDER BY id').all() as { id: string }[]).map((row) => row.id);
const productPaths = (running: CatalogConsole) => {
  const scope = scopeOf(running);
  scope.recorder.flush();
  return (
    scope.db.prepare("SELECT path FROM api_calls WHERE path LIKE '/v1/partners/products%' ORDER BY id").all() as {
      path: string;
    }[]
  ).map((row) => row.path);
};

describe('catalog sync against the simulator', () => {
  it('pages to the last page with an object nextCursor, then with an opaque string one sent back as cursor=', async () => {
    const expected = await enabledBrandIds();
    const pages = Math.ceil(expected.length / 100);
    expect(pages).toBe(5);
    app = await catalogConsole(sim);

    const first = await app.call('syncNow');
    expect(first.outcome).toBe('done');
    expect(first.sync).toMatchObject({
      outcome: 'done',
      pages,
      brands: expected.length,
      added: expected.length,
      removed: 0,
    });
    expect(storedIds(app)).toEqual(expected);
    expect(productPaths(app)).toEqual(
      Array.from({ length: pages }, (_, index) => `/v1/partners/products?pageNo=${index + 1}&limit=100`),
    );

    await control.config({ nextCursorShape: 'string' });
    const second = await app.call('syncNow');
    expect(second.sync).toMatchObject({
      outcome: 'done',
      pages,
      brands: expected.length,
      added: 0,
      removed: 0,
      changes: 0,
    });
    expect(storedIds(app)).toEqual(expected);
    expect(productPaths(app).slice(pages)).toEqual([
      '/v1/partners/products?pageNo=1&limit=100',
      ...Array.from({ length: pages - 1 }, (_, index) => `/v1/partners/products?cursor=${index + 2}&limit=100`),
    ]);

    const status = await app.call('status');
    expect(status).toMatchObject({ brands: expected.length, stale: false, ageMs: expect.any(Number), running: false });
    expect(status.lastSync?.id).toBe(second.sync?.id);
    expect(status.schedule).toEqual({ kind: 'daily', at: '02:00' });
  });

  it('records exactly the changes made through the control API, newly INACTIVE first', async () => {
    const fx = await control.fixtures();
    app = await catalogConsole(sim);
    await app.call('syncNow');
    const restricted = (await control.brand(fx.temporarilyDisabled)).brand;
    const discounted = (await control.brand(fx.aboveMaxDenomination)).brand;
    const vouchersBefore = restricted.amountRestrictions.maxVouchersPerOrder;
    const discountBefore = discounted.discountPercentage;

    await control.changeBrand(fx.flexible, { status: 'INACTIVE' });
    await control.changeBrand(fx.fixed, { denominations: [500, 1000, 2000] });
    await control.changeBrand(fx.temporarilyDisabled, {
      amountRestrictions: { maxVouchersPerOrder: vouchersBefore + 1 },
    });
    await control.changeBrand(fx.aboveMaxDenomination, { discountPercentage: (discountBefore ?? 0) + 1.5 });
    const sync = await app.call('syncNow');
    expect(sync.sync).toMatchObject({ changed: 4, changes: 4, added: 0, removed: 0 });

    const changes = await app.call('changes', {});
    expect(changes.sync?.id).toBe(sync.sync?.id);
    const seen = changes.groups.flatMap((group) =>
      group.changes.map((change) => [group.kind, change.brandId, change.field, change.oldValue, change.newValue]),
    );
    expect(seen).toEqual([
      ['became-inactive', fx.flexible, null, 'ACTIVE', 'INACTIVE'],
      ['denominations', fx.fixed, null, [50_000, 100_000, 200_000, 500_000], [50_000, 100_000, 200_000]],
      ['restriction', fx.temporarilyDisabled, 'maxVouchersPerOrder', vouchersBefore, vouchersBefore + 1],
      ['discount', fx.aboveMaxDenomination, 'percent', discountBefore, (discountBefore ?? 0) + 1.5],
    ]);
    expect(changes.groups[1]!.changes[0]!.summary).toBe(
      'Denominations ₹500, ₹1,000, ₹2,000, ₹5,000 → ₹500, ₹1,000, ₹2,000',
    );

    // INACTIVE is hidden from search unless asked for, and the brand's own history shows the change.
    const zomato = (await control.brand(fx.flexible)).brand.title;
    expect((await app.call('search', { text: zomato })).rows.map((row) => row.id)).not.toContain(fx.flexible);
    expect((await app.call('search', { text: zomato, statuses: ['INACTIVE'] })).rows.map((row) => row.id)).toContain(
      fx.flexible,
    );
    const detail = await app.call('brand', { brandId: fx.flexible });
    expect(detail.history.map((change) => change.summary)).toEqual(['Status ACTIVE → INACTIVE']);
    const croma = await app.call('brand', { brandId: fx.fixed });
    expect(croma.restrictionsText).toMatch(/^Fixed values ₹500, ₹1,000, ₹2,000, /);
    expect(croma.restrictionsText).toContain('at most 5 vouchers per order');
    expect(croma.restrictionsText).toContain('order total ₹500–₹20,000');
  });

  it('a failure on page 3 of 5 leaves the previous catalog and its history untouched', async () => {
    const fx = await control.fixtures();
    app = await catalogConsole(sim);
    await app.call('syncNow');
    await control.changeBrand(fx.flexible, { status: 'INACTIVE' });
    const scope = scopeOf(app);
    const snapshot = () => ({
      brands: scope.db.prepare('SELECT * FROM brands ORDER BY id').all(),
      changes: scope.db.prepare('SELECT count(*) AS n FROM brand_changes').get(),
    });
    const before = snapshot();

    const pagesAsked: number[] = [];
    const failingOnPage3: PageFetcher = async (query) => {
      pagesAsked.push(query.pageNo ?? Number(query.cursor));
      // The simulator's own fault injection: every retry of this request gets a 503.
      if (pagesAsked.length === 3)
        await control.addFault({ path: '/v1/partners/products', kind: 'http-5xx', times: 10 });
      return scope.client().listProducts(query);
    };
    const run = runCatalogSync(
      { store: storeOf(scope.db), fetchPage: failingOnPage3, now: () => Date.now() },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    await expect(run).rejects.toThrow(/Page 3 of the catalog could not be fetched/);
    await control.clearFaults();

    expect(pagesAsked).toEqual([1, 2, 3]);
    expect(snapshot()).toEqual(before);
    const failed = (await app.call('syncs')).at(0);
    expect(failed).toMatchObject({ outcome: 'failed', pages: 2, changes: 0 });
    expect(failed?.error).toMatch(/Page 3/);
    expect((await app.call('status')).lastSync?.outcome).toBe('failed');

    // The next sync sees the change the failed one never committed.
    const next = await app.call('syncNow');
    expect(next.sync).toMatchObject({ outcome: 'done', changes: 1 });
  });

  it('cancels a sync in progress: the run ends cancelled and the catalog stays as it was', async () => {
    app = await catalogConsole(sim);
    await app.call('syncNow');
    await control.changeBrand((await control.fixtures()).fixed, { denominations: [500] });
    await control.latency({ fixedMs: 300 });
    const running = app.call('syncNow');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await app.call('status')).running).toBe(true);
    expect(await app.call('cancelSync')).toEqual({ cancelled: true });
    const ended = await running;
    await control.latency({ fixedMs: 0 });
    expect(ended.outcome).toBe('cancelled');
    expect(ended.sync).toMatchObject({ outcome: 'cancelled', changes: 0 });
    const scope = scopeOf(app);
    expect(scope.db.prepare("SELECT count(*) AS n FROM brand_changes WHERE kind = 'denominations'").get()).toEqual({
      n: 0,
    });
  });
});

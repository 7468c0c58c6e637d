import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../src/main/simulator/catalogue/build-catalogue.ts';
import { CATALOGUE_PATH } from '../../../src/main/simulator/catalogue/catalogue-path.ts';
import { loadCatalogue } from '../../../src/main/simulator/catalogue/load-catalogue.ts';
import { DEMO_CLIENTS, startReceiver, useTestSim, type TestSim } from './kit.ts';

interface Brand {
  id: string;
  status: string;
  title: string;
  category: string[];
  tags: string[];
  denominationType: string;
  amountRestrictions: Record<string, unknown> & { denominations: number[] | null };
  logoUrl: string;
  [field: string]: unknown;
}
interface BrandList {
  data: Brand[];
  nextCursor: unknown;
}

let t: TestSim;
let token: string;
const catalogue = loadCatalogue();
const notEnabled = (clientId: string) => new Set(catalogue.simulator.notEnabled[clientId]);

const suite = useTestSim();
beforeEach(() => {
  ({ sim: t, token } = suite);
});

const list = (query = '') => t.api<BrandList>('GET', `/v1/partners/products${query}`, { token });

describe('§14.3 catalog', () => {
  it('§14.12 the list holds only the brands enabled for the client, ACTIVE and INACTIVE alike, in {data, nextCursor}', async () => {
    const answer = await list();
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['data', 'nextCursor']);
    const ids = answer.body.data.map((brand) => brand.id);
    const hidden = notEnabled(DEMO_CLIENTS.staging.clientId);
    expect(ids).toHaveLength(catalogue.brands.length - hidden.size);
    expect(ids).not.toContain(t.fixtures.notEnabledForStaging);
    expect(ids).toContain(t.fixtures.inactive);
    expect(new Set(answer.body.data.map((brand) => brand.status))).toEqual(new Set(['ACTIVE', 'INACTIVE']));

    const b2c = await t.api<BrandList>('GET', '/v1/partners/products', { token: await t.login(DEMO_CLIENTS.b2c) });
    expect(b2c.body.data).toHaveLength(catalogue.brands.length - notEnabled(DEMO_CLIENTS.b2c.clientId).size);
  });

  it('§14.13 pageNo (1-based) and limit page the list; without pageNo everything comes at once; q and category filter', async () => {
    const all = (await list()).body.data;
    const first = (await list('?pageNo=1&limit=10')).body.data;
    const second = (await list('?pageNo=2&limit=10')).body.data;
    expect(first.map((brand) => brand.id)).toEqual(all.slice(0, 10).map((brand) => brand.id));
    expect(second.map((brand) => brand.id)).toEqual(all.slice(10, 20).map((brand) => brand.id));

    const pizza = (await list('?q=PiZzA')).body.data.map((brand) => brand.title);
    expect(pizza).toEqual(expect.arrayContaining(["Domino's Pizza", 'Pizza Hut']));
    expect((await list('?q=zomato')).body.data.map((brand) => brand.title)).toEqual(['Zomato']);
    const food = (await list('?category=food')).body.data;
    expect(food.length).toBeGreaterThan(20);
    expect(food.every((brand) => brand.category.includes('FOOD'))).toBe(true);
    const foodPage = await list('?category=FOOD&pageNo=1&limit=5');
    expect(foodPage.body.data.map((brand) => brand.id)).toEqual(food.slice(0, 5).map((brand) => brand.id));
    expect((await list('?q=no-such-brand-anywhere')).body).toEqual({ data: [], nextCursor: null });

    const tooBig = await list('?pageNo=1&limit=1000');
    expect(tooBig.status).toBe(400);
    expect(tooBig.body).toMatchObject({ subErrors: [{ fieldName: 'limit' }] });
    expect((await list('?pageNo=0')).status).toBe(400);
    expect((await list('?pageNo=1')).body.data).toHaveLength(20);
  });

  it('§14.14 nextCursor is {pageNo, limit} of the next page while more remain and null on the last; a switch makes it a string', async () => {
    const total = (await list()).body.data.length;
    const lastPage = Math.ceil(total / 50);
    expect((await list('?pageNo=1&limit=50')).body.nextCursor).toEqual({ pageNo: 2, limit: 50 });
    const last = await list(`?pageNo=${lastPage}&limit=50`);
    expect(last.body.nextCursor).toBeNull();
    expect(last.body.data).toHaveLength(total - (lastPage - 1) * 50);
    expect((await list(`?pageNo=${lastPage + 1}&limit=50`)).body).toEqual({ data: [], nextCursor: null });

    await t.control.config({ nextCursorShape: 'string' });
    expect((await list('?pageNo=1&limit=50')).body.nextCursor).toBe('2');
    expect((await list('?cursor=2&limit=50')).body.data[0]!.id).toBe(
      (await list('?pageNo=2&limit=50')).body.data[0]!.id,
    );
  });

  it('§14.15 GET /products/:id returns the bare brand; unknown or not enabled → 404 E001, or E101 with the switch', async () => {
    const one = await t.api<Brand>('GET', `/v1/partners/products/${t.fixtures.fixed}`, { token });
    expect(one.status).toBe(200);
    expect(one.body.id).toBe(t.fixtures.fixed);
    expect(one.body).not.toHaveProperty('data');
    expect(one.body.title).toBe('Croma');
    for (const id of ['01ZZZZZZZZZZZZZZZZZZZZZZZZ', t.fixtures.notEnabledForStaging]) {
      const missing = await t.api('GET', `/v1/partners/products/${id}`, { token });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ id: 'E001', code: 'RESOURCE_NOT_FOUND' });
    }
    await t.control.config({ unknownProduct: 'not-enabled' });
    const e101 = await t.api('GET', `/v1/partners/products/${t.fixtures.notEnabledForStaging}`, { token });
    expect(e101.status).toBe(400);
    expect(e101.body).toMatchObject({ id: 'E101' });
  });

  it('§14.16 the seed catalogue has 150+ Indian brands with every documented field, deprecated ones included, and the required fixtures', async () => {
    const all = (
      await t.api<BrandList>('GET', '/v1/partners/products', { token: await t.login(DEMO_CLIENTS.production) })
    ).body.data;
    expect(catalogue.brands.length).toBeGreaterThanOrEqual(150);
    expect(new Set(catalogue.brands.map((brand) => brand.id)).size).toBe(catalogue.brands.length);
    expect(catalogue.brands.every((brand) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(brand.id))).toBe(true);
    expect(new Set(catalogue.brands.flatMap((brand) => brand.category)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(catalogue.brands.map((brand) => brand.denominationType))).toEqual(new Set(['FIXED', 'FLEXIBLE']));

    const fields = [
      'id',
      'status',
      'title',
      'brandDescription',
      'category',
      'tags',
      'denominationType',
      'cardType',
      'redemptionType',
      'amountRestrictions',
      'iconImageUrl',
      'thumbnailUrl',
      'logoUrl',
      'tncUrl',
      'termsAndConditions',
      'usageInstructions',
      'howToUseInstructions',
    ];
    const restrictionFields = [
      'minAmount',
      'maxAmount',
      'minOrderAmount',
      'maxOrderAmount',
      'minVoucherAmount',
      'maxVoucherAmount',
      'maxVouchersPerOrder',
      'maxVouchersPerDenomination',
      'maxDenominationsPerOrder',
      'denominations',
    ];
    for (const brand of all) {
      for (const field of fields) expect(brand[field], `${brand.title}.${field}`).toBeDefined();
      for (const field of restrictionFields) expect(brand.amountRestrictions, brand.title).toHaveProperty(field);
      expect(brand.amountRestrictions['minAmount']).toBe(brand.amountRestrictions['minOrderAmount']);
      expect(
        brand.denominationType === 'FIXED'
          ? Array.isArray(brand.amountRestrictions.denominations)
          : brand.amountRestrictions.denominations === null,
      ).toBe(true);
    }

    const byId = new Map(all.map((brand) => [brand.id, brand]));
    const fixed = byId.get(t.fixtures.fixed)!;
    expect(fixed.denominationType).toBe('FIXED');
    expect(Object.values(fixed.amountRestrictions).every((value) => value !== null)).toBe(true);
    const flexible = byId.get(t.fixtures.flexible)!;
    expect(flexible).toMatchObject({
      denominationType: 'FLEXIBLE',
      amountRestrictions: { denominations: null, minVoucherAmount: 250, maxVoucherAmount: 10000 },
    });
    expect(byId.get(t.fixtures.inactive)!.status).toBe('INACTIVE');
    expect(byId.get(t.fixtures.temporarilyDisabled)!.status).toBe('ACTIVE');
    expect(notEnabled(DEMO_CLIENTS.staging.clientId).has(t.fixtures.notEnabledForStaging)).toBe(true);
  });

  it('§14.16 brand art is local: every asset URL points back at the simulator, which serves a generated SVG', async () => {
    const brand = (await t.api<Brand>('GET', `/v1/partners/products/${t.fixtures.flexible}`, { token })).body;
    for (const field of ['iconImageUrl', 'thumbnailUrl', 'logoUrl', 'tncUrl'])
      expect(brand[field] as string).toMatch(new RegExp(`^${t.base}/__sim/assets/`));
    const logo = await fetch(brand.logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/svg+xml');
    expect(await logo.text()).toMatch(/^<svg[^>]*aria-label="Zomato"/);
    const terms = await fetch(brand['tncUrl'] as string);
    expect(await terms.text()).toContain('Zomato');
    expect((await fetch(`${t.base}/__sim/assets/logo/01ZZZZZZZZZZZZZZZZZZZZZZZZ.svg`)).status).toBe(404);
  });

  it('§14.16 the committed catalogue JSON is exactly what its generator produces', () => {
    expect(JSON.parse(fs.readFileSync(CATALOGUE_PATH, 'utf8'))).toEqual(buildCatalogue());
  });

  it("§14.17 a control changes a brand's status, denominations or restrictions at run time, and each change sends Brand Updated", async () => {
    const receiver = await startReceiver();
    try {
      await t.control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: receiver.url });
      const change = await t.control.changeBrand(t.fixtures.fixed, {
        status: 'INACTIVE',
        denominations: [500, 1000],
        amountRestrictions: { maxVouchersPerOrder: 3 },
      });
      expect(change.brandUpdatedSent).toBe(true);
      const brand = (await t.api<Brand>('GET', `/v1/partners/products/${t.fixtures.fixed}`, { token })).body;
      expect(brand.status).toBe('INACTIVE');
      expect(brand.amountRestrictions).toMatchObject({ denominations: [500, 1000], maxVouchersPerOrder: 3 });
      expect((await list()).body.data.find((candidate) => candidate.id === t.fixtures.fixed)!.status).toBe('INACTIVE');
      await t.control.flushWebhooks();
      expect(receiver.received.map((delivery) => JSON.parse(delivery.body.toString()).id)).toEqual([t.fixtures.fixed]);
      await t.control.reset();
      const restored = (
        await t.api<Brand>('GET', `/v1/partners/products/${t.fixtures.fixed}`, { token: await t.login() })
      ).body;
      expect(restored.status).toBe('ACTIVE');
    } finally {
      await receiver.close();
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { faceRange, foldName, type BrandRecord } from '../../../src/main/areas/catalog/brand-record.ts';
import { searchBrands } from '../../../src/main/areas/catalog/brand-search.ts';
import { catalogSearchSchema, type CatalogSearchQuery } from '../../../src/shared/contract/catalog.ts';
import {
  catalogArbitrary,
  catalogDb,
  CATEGORIES,
  rupees,
  searchTextFor,
  sometimes,
  STATUSES,
} from '../../fixtures/catalog-arbitraries.ts';

// Letters that collide under case folding, an accent, a space, a quote (FTS syntax must not leak in) and U+0000.
const letter = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'é', 'É', ' ', '"', '*', 'z', '1', '\u0000');
const catalogs = catalogArbitrary(letter);

const queryFor = (brands: readonly BrandRecord[]): fc.Arbitrary<CatalogSearchQuery> =>
  fc
    .record({
      text: searchTextFor(brands, letter),
      match: fc.constantFrom('contains' as const, 'prefix' as const),
      categories: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.subarray(CATEGORIES) },
      ),
      denominationTypes: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.subarray(['FIXED', 'FLEXIBLE']) },
      ),
      statuses: sometimes(fc.subarray(STATUSES, { minLength: 1 })),
      discountMin: sometimes(fc.integer({ min: 0, max: 20 })),
      discountMax: sometimes(fc.integer({ min: 0, max: 20 })),
      amountFromPaise: sometimes(rupees),
      amountToPaise: sometimes(rupees),
      sort: fc.record({
        by: fc.constantFrom('name' as const, 'discount' as const, 'amount' as const, 'status' as const),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 })),
      limit: fc.integer({ min: 1, max: 60 }),
    })
    .map((drawn) => catalogSearchSchema.parse(drawn));

const scenarioArbitrary = catalogs.chain((brands) =>
  fc.tuple(fc.constant(brands), fc.array(queryFor(brands), { minLength: 1, maxLength: 8 })),
);

const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const isFixed = (brand: BrandRecord) =>
  brand.denominationType === 'FIXED' || (brand.denominationType === null && brand.denominationsPaise !== null);

/** The search, written as plainly as possible over the array. */
function bruteForce(brands: readonly BrandRecord[], query: CatalogSearchQuery) {
  const text = foldName(query.text.trim());
  const matches = brands.filter((brand) => {
    const name = foldName(brand.name);
    if (text && !(query.match === 'prefix' ? name.startsWith(text) : name.includes(text))) return false;
    if (query.categories.length > 0 && !brand.categories.some((category) => query.categories.includes(category)))
      return false;
    if (query.denominationTypes.length > 0 && !query.denominationTypes.includes(brand.denominationType ?? ''))
      return false;
    if (query.statuses === undefined ? brand.status === 'INACTIVE' : !query.statuses.includes(brand.status))
      return false;
    const discount = brand.discountPercent;
    if (query.discountMin !== undefined && (discount === null || discount < query.discountMin)) return false;
    if (query.discountMax !== undefined && (discount === null || discount > query.discountMax)) return false;
    if (query.amountFromPaise !== undefined || query.amountToPaise !== undefined) {
      const from = query.amountFromPaise ?? 0;
      const to = query.amountToPaise ?? Number.MAX_SAFE_INTEGER;
      const face = faceRange(brand);
      const fits = isFixed(brand)
        ? (brand.denominationsPaise ?? []).some((value) => value >= from && value <= to)
        : face.min !== null && face.max !== null && face.min <= to && face.max >= from;
      if (!fits) return false;
    }
    return true;
  });
  const keyOf = (brand: BrandRecord): number | string | null =>
    ({ name: null, discount: brand.discountPercent, amount: faceRange(brand).min, status: brand.status })[
      query.sort.by
    ];
  const sign = query.sort.direction === 'desc' ? -1 : 1;
  const byName = (a: BrandRecord, b: BrandRecord) => binary(foldName(a.name), foldName(b.name)) || binary(a.id, b.id);
  const sorted = [...matches].sort((a, b) => {
    if (query.sort.by === 'name') return sign * byName(a, b);
    const [x, y] = [keyOf(a), keyOf(b)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? binary(x, y as string) : x - (y as number);
    return sign * order || byName(a, b);
  });
  return { ids: sorted.slice(query.offset, query.offset + query.limit).map((brand) => brand.id), total: sorted.length };
}

describe('brand search', () => {
  it('returns exactly what a brute-force filter, sort and slice of the same brands returns', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ([brands, queries]) => {
        const db = catalogDb(brands);
        try {
          for (const query of queries) {
            const found = searchBrands(db, query);
            expect({ ids: found.rows.map((row) => row.id), total: found.total }).toEqual(bruteForce(brands, query));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('hides INACTIVE brands unless asked, and reads a brand row back with its face range and initials', () => {
    const brands = fc.sample(catalogs, { numRuns: 1, seed: 3 })[0]!;
    const db = catalogDb([
      ...brands,
      {
        ...brands[0]!,
        id: 'Z1',
        name: 'Croma Retail',
        status: 'INACTIVE',
        denominationType: 'FIXED',
        denominationsPaise: [50_000, 100_000],
      },
    ]);
    const everyStatus = catalogSearchSchema.parse({ text: 'croma', statuses: ['ACTIVE', 'INACTIVE', 'PAUSED'] });
    expect(searchBrands(db, catalogSearchSchema.parse({ text: 'croma' })).rows).toEqual([]);
    expect(searchBrands(db, everyStatus).rows).toEqual([
      expect.objectContaining({
        id: 'Z1',
        initials: 'CR',
        faceMinPaise: 50_000,
        faceMaxPaise: 100_000,
        status: 'INACTIVE',
      }),
    ]);
    db.close();
  });
});

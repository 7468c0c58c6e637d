// The brand browser filters and sorts in the renderer (local-search.ts); this proves it answers exactly what
// main's catalog.search answers over the same brands, in the same order, for any filters and sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrandRecord } from '../../src/main/areas/catalog/brand-record.ts';
import { searchBrands } from '../../src/main/areas/catalog/brand-search.ts';
import { useCatalog } from '../../src/renderer/src/features/catalog/catalog-store.ts';
import {
  DEFAULT_SORT,
  filterBrands,
  filterIndexed,
  narrows,
  NO_FILTERS,
  sortBrands,
  toCatalogSearch,
  type BrandFilters,
  type BrandSort,
} from '../../src/renderer/src/features/catalog/local-search.ts';
import { catalogSearchSchema } from '../../src/shared/contract/catalog.ts';
import {
  catalogArbitrary,
  catalogDb,
  CATEGORIES,
  rupees,
  searchTextFor,
  sometimes,
  STATUSES,
} from '../fixtures/catalog-arbitraries.ts';

// Letters that collide under case folding, an accent, a full-width letter (NFKC), a space and a quote.
const letter = fc.constantFrom('a', 'b', 'c', 'A', 'B', 'é', 'É', 'ｂ', ' ', '"', 'z', '1');
const catalogs = catalogArbitrary(letter);

const filtersFor = (brands: readonly BrandRecord[]): fc.Arbitrary<BrandFilters> =>
  fc.record({
    text: searchTextFor(brands, letter),
    categories: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray(CATEGORIES) }),
    denominationTypes: fc.oneof(
      { weight: 3, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.subarray(['FIXED', 'FLEXIBLE']) },
    ),
    status: fc.constantFrom('hide-inactive' as const, 'all' as const, 'inactive-only' as const),
    discountMin: sometimes(fc.integer({ min: 0, max: 20 })),
    discountMax: sometimes(fc.integer({ min: 0, max: 20 })),
    amountFromPaise: sometimes(rupees),
    amountToPaise: sometimes(rupees),
  });

const sortArbitrary: fc.Arbitrary<BrandSort> = fc.record({
  by: fc.constantFrom('name' as const, 'discount' as const, 'amount' as const, 'status' as const),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
});

describe('the renderer’s brand filter', () => {
  it('shows exactly the brands, in exactly the order, that catalog.search answers for the same question', () => {
    const scenario = catalogs.chain((brands) =>
      fc.tuple(
        fc.constant(brands),
        fc.array(fc.tuple(filtersFor(brands), sortArbitrary), { minLength: 1, maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(scenario, ([brands, questions]) => {
        const db = catalogDb(brands);
        try {
          // What the store loads: every brand, as main answers rows.
          const loaded = searchBrands(db, catalogSearchSchema.parse({ statuses: STATUSES, limit: 500 })).rows;
          for (const [filters, sort] of questions) {
            const main = searchBrands(
              db,
              catalogSearchSchema.parse({ ...toCatalogSearch(filters, sort, STATUSES), limit: 500 }),
            );
            const local = filterBrands(sortBrands(loaded, sort), filters);
            expect(local.map((row) => row.id)).toEqual(main.rows.map((row) => row.id));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('narrowing by one more letter from the previous matches keeps exactly what a filter of everything keeps', () => {
    fc.assert(
      fc.property(
        catalogs.chain((brands) =>
          fc.tuple(fc.constant(brands), filtersFor(brands), fc.string({ unit: letter, maxLength: 2 }), sortArbitrary),
        ),
        ([brands, filters, more, sort]) => {
          const db = catalogDb(brands);
          try {
            const loaded = searchBrands(db, catalogSearchSchema.parse({ statuses: STATUSES, limit: 500 })).rows;
            const sorted = sortBrands(loaded, sort);
            const next = { ...filters, text: filters.text + more };
            expect(narrows(filters, next)).toBe(true);
            expect(filterIndexed(filterIndexed(sorted, filters), next)).toEqual(filterIndexed(sorted, next));
            expect(narrows(next, { ...next, status: 'all' })).toBe(next.status === 'all');
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('shows, after any typing, erasing and change of the other filters, what a filter of everything shows', () => {
    // One keystroke of the operator: a letter typed, one erased, the name cleared, or another status or type.
    const action = fc.oneof(
      { weight: 4, arbitrary: letter.map((typed) => ({ kind: 'type' as const, typed })) },
      { weight: 3, arbitrary: fc.constant({ kind: 'erase' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('hide-inactive' as const, 'all' as const, 'inactive-only' as const)
          .map((status) => ({ kind: 'status' as const, status })),
      },
      {
        weight: 1,
        arbitrary: fc.subarray(['FIXED', 'FLEXIBLE']).map((types) => ({ kind: 'types' as const, types })),
      },
    );
    fc.assert(
      fc.property(catalogs, fc.array(action, { minLength: 1, maxLength: 30 }), (brands, actions) => {
        const db = catalogDb(brands);
        try {
          const loaded = searchBrands(db, catalogSearchSchema.parse({ statuses: STATUSES, limit: 500 })).rows;
          const sorted = sortBrands(loaded, DEFAULT_SORT);
          // A list loaded afresh (new objects): nothing remembered from an earlier list answers for it.
          useCatalog.setState({ all: loaded, sorted, filters: NO_FILTERS, visible: filterBrands(sorted, NO_FILTERS) });
          const catalog = useCatalog.getState();
          for (const step of actions) {
            const { filters } = useCatalog.getState();
            if (step.kind === 'type') catalog.setText(filters.text + step.typed);
            else if (step.kind === 'erase') catalog.setText(filters.text.slice(0, -1));
            else if (step.kind === 'clear') catalog.setText('');
            else if (step.kind === 'status') catalog.setFilters({ status: step.status });
            else catalog.setFilters({ denominationTypes: step.types });
            const shown = useCatalog.getState();
            expect(shown.visible.map((row) => row.id)).toEqual(
              filterBrands(sorted, shown.filters).map((row) => row.id),
            );
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

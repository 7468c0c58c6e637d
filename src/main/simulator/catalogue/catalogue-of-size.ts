import { createRandom, type Random } from '../random.ts';
import { buildBrand, discountValidFromFor, parseBrandSource, type SourceRow } from './build-catalogue.ts';
import type { Brand, Catalogue } from './catalogue-schema.ts';
import { BRANCH_CITIES, CATEGORY_WORDS, FALLBACK_WORDS, NAME_PREFIXES } from './generated-brand-names.ts';

/** A catalogue this size is already ~25 MB of JSON when listed unpaged; more is no longer a realistic test. */
export const MAX_CATALOGUE_BRANDS = 100_000;
/** Keeps the draws for generated brands apart from the simulator's own sequence for the same seed. */
const GENERATED_SALT = 0x5eed_b4a7;
const PROMOTED = new Set(['POPULAR_BRANDS', 'TOP_BRANDS']);
const INACTIVE_SHARE = 0.03;

function uniqueTitle(random: Random, category: string | undefined, taken: Set<string>): string {
  const name = `${random.pick(NAME_PREFIXES)} ${random.pick(CATEGORY_WORDS[category ?? ''] ?? FALLBACK_WORDS)}`;
  let title = taken.has(name) ? `${name} ${random.pick(BRANCH_CITIES)}` : name;
  for (let branch = 2; taken.has(title); branch += 1) title = `${name} ${branch}`;
  taken.add(title);
  return title;
}

/** A brand shaped like a seed brand of the same kind (categories, tags, redemption), under a new name. */
function generatedRow(random: Random, templates: SourceRow[], taken: Set<string>): SourceRow {
  const template = random.pick(templates);
  const own = template.categories.filter((category) => !PROMOTED.has(category));
  const categories = own.length > 0 ? own : template.categories;
  return { ...template, categories, title: uniqueTitle(random, categories[0], taken) };
}

/**
 * The seed catalogue grown to `total` brands for benchmarks and large end-to-end runs: the seed brands (fixtures,
 * not-enabled lists and all) first, then generated ones, enabled for every client. Deterministic: the same seed
 * and total give the same catalogue.
 */
export function catalogueOfSize(base: Catalogue, total: number, seed: number): Catalogue {
  if (!Number.isInteger(total) || total < base.brands.length || total > MAX_CATALOGUE_BRANDS)
    throw new RangeError(
      `a catalogue holds from ${base.brands.length} (the seed catalogue) to ${MAX_CATALOGUE_BRANDS} brands, not ${total}`,
    );
  if (total === base.brands.length) return base;
  const random = createRandom((seed ^ GENERATED_SALT) >>> 0);
  const templates = parseBrandSource();
  const titles = new Set(base.brands.map((brand) => brand.title));
  const ids = new Set(base.brands.map((brand) => brand.id));
  const brands: Brand[] = [...base.brands];
  const discountValidFrom = { ...base.simulator.discountValidFrom };
  while (brands.length < total) {
    const brand = buildBrand(generatedRow(random, templates, titles));
    // Ids come from a 32-bit hash of the title: a rare collision just means another name is drawn.
    if (ids.has(brand.id)) continue;
    ids.add(brand.id);
    brand.status = random.chance(INACTIVE_SHARE) ? 'INACTIVE' : 'ACTIVE';
    brands.push(brand);
    discountValidFrom[brand.id] = discountValidFromFor(brand.id);
  }
  return { ...base, brands, simulator: { ...base.simulator, discountValidFrom } };
}

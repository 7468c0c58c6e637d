import { ulid } from 'ulid';
import { createRandom, type Random } from '../random.ts';
import { BRAND_SOURCE, INACTIVE_TITLES, NOT_ENABLED_TITLES, TEMPORARILY_DISABLED_TITLES } from './brand-source.ts';
import type { AmountRestrictions, Brand, Catalogue } from './catalogue-schema.ts';

/** Pure and deterministic: `generate-catalogue.ts` writes its result to resources/simulator/catalogue.json. */
export const CATALOGUE_SEED = 20240601;
const ID_EPOCH = Date.UTC(2022, 11, 1);
const DAY_MS = 86_400_000;

const FIXTURES = {
  fixed: 'Croma',
  flexible: 'Zomato',
  inactive: 'Jabong',
  temporarilyDisabled: 'Swiggy Instamart',
  notEnabledForStaging: 'Hamleys',
  aboveMaxDenomination: 'Tanishq',
} as const;

const REDEMPTION = { O: 'ONLINE', F: 'OFFLINE', B: 'ONLINE_AND_OFFLINE' } as const;
const CARD_TYPES = [
  'CARD_AND_PIN_NO_SECURED',
  'CARD_AND_PIN_NO_SECURED',
  'CARD_AND_PIN_NO_SECURED',
  'PIN_SECURED',
  'CARD_NO_AND_PIN',
  'CARD_NUMBER_SECURED',
  'PIN_NO_SECURED',
];
const FIXED_SETS = [
  [100, 250, 500, 1000, 2000, 5000],
  [500, 1000, 2000, 5000],
  [250, 500, 1000],
  [1000, 2000, 5000, 10000],
  [100, 200, 500, 1000],
  [50, 100, 200, 500],
];

const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

const listInWords = (items: string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const slug = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface SourceRow {
  title: string;
  categories: string[];
  tags: string[];
  redemption: keyof typeof REDEMPTION;
}

export function parseBrandSource(source: string = BRAND_SOURCE): SourceRow[] {
  return source
    .trim()
    .split('\n')
    .map((line) => {
      const [title, categories, tags, redemption] = line.split('|');
      if (!title || !categories || !tags || !redemption || !(redemption in REDEMPTION))
        throw new Error(`bad brand line: ${line}`);
      return {
        title,
        categories: categories.split(' '),
        tags: tags.split(','),
        redemption: redemption as keyof typeof REDEMPTION,
      };
    });
}

function restrictionsFor(title: string, fixed: boolean, random: Random): AmountRestrictions {
  if (title === FIXTURES.fixed) return restrictions(500, 20000, 500, 5000, 5, 3, 2, [500, 1000, 2000, 5000]);
  if (title === FIXTURES.flexible) return restrictions(250, 40000, 250, 10000, 4, null, null, null);
  if (title === FIXTURES.aboveMaxDenomination)
    return restrictions(1000, 100000, 1000, 10000, 10, 5, 3, [1000, 2000, 5000, 10000, 25000]);
  if (fixed) {
    const denominations = random.pick(FIXED_SETS);
    const min = denominations[0]!;
    const max = denominations[denominations.length - 1]!;
    const perOrder = random.pick([5, 10, 20]);
    return restrictions(
      min,
      Math.min(50000, perOrder * max),
      min,
      max,
      perOrder,
      random.pick([null, 5, 10]),
      random.pick([null, 2, 3]),
      denominations,
    );
  }
  const minVoucher = random.pick([10, 50, 100, 250, 500]);
  const maxVoucher = random.pick([5000, 10000, 25000, 50000]);
  const perOrder = random.pick([1, 4, 5, 10]);
  return restrictions(
    minVoucher,
    maxVoucher * random.pick([1, 2, 5]),
    minVoucher,
    maxVoucher,
    perOrder,
    random.pick([null, 5]),
    random.pick([null, 3]),
    null,
  );
}

function restrictions(
  minOrder: number,
  maxOrder: number,
  minVoucher: number,
  maxVoucher: number,
  perOrder: number,
  perDenomination: number | null,
  distinct: number | null,
  denominations: number[] | null,
): AmountRestrictions {
  // The deprecated minAmount/maxAmount are kept alongside their replacements, as Hubble still sends both.
  return {
    minAmount: minOrder,
    maxAmount: maxOrder,
    minOrderAmount: minOrder,
    maxOrderAmount: maxOrder,
    minVoucherAmount: minVoucher,
    maxVoucherAmount: maxVoucher,
    maxVouchersPerOrder: perOrder,
    maxVouchersPerDenomination: perDenomination,
    maxDenominationsPerOrder: distinct,
    denominations,
  };
}

const ONLINE_STEPS = (title: string) => [
  `Visit the ${title} website or app and add items to your cart.`,
  'At checkout, choose "Gift Card" as the payment method.',
  'Enter the card number and PIN, then confirm the payment.',
];
const OFFLINE_STEPS = (title: string) => [
  `Visit any participating ${title} outlet.`,
  'Show the gift card number and PIN at the billing counter before the bill is made.',
  'The cashier redeems the amount; any balance stays on the card until it expires.',
];

function instructions(title: string, redemption: Brand['redemptionType']) {
  const modes = redemption === 'ONLINE' ? ['ONLINE'] : redemption === 'OFFLINE' ? ['OFFLINE'] : ['ONLINE', 'OFFLINE'];
  const steps = (mode: string) => (mode === 'ONLINE' ? ONLINE_STEPS(title) : OFFLINE_STEPS(title));
  return {
    usageInstructions: Object.fromEntries(modes.map((mode) => [mode, steps(mode)])),
    howToUseInstructions: modes.map((mode) => ({
      retailMode: mode,
      retailModeName: mode === 'ONLINE' ? 'Online' : 'In store',
      instructions: steps(mode),
    })),
  };
}

function termsFor(title: string, expiryMonths: number | null): string[] {
  return [
    `This ${title} gift card is valid for ${expiryMonths ?? 12} months from the date of issue.`,
    'The gift card cannot be exchanged for cash and is not reloadable.',
    'Multiple gift cards can be used in one transaction unless the brand says otherwise.',
    'Lost or stolen gift cards cannot be replaced; treat the card number and PIN like cash.',
    `${title} may change these terms without notice; the brand's terms apply on redemption.`,
  ];
}

/** One full Brand from its source row; everything but the title-keyed fixtures is drawn from the title's hash. */
export function buildBrand(row: SourceRow): Brand {
  const hash = fnv1a(row.title);
  const random = createRandom(hash ^ CATALOGUE_SEED);
  const id = ulid(ID_EPOCH + (hash % 700) * DAY_MS + (hash % 86_400) * 1000, random.next);
  const isFixture = Object.values(FIXTURES).includes(row.title as never);
  const fixed =
    row.title === FIXTURES.fixed || row.title === FIXTURES.aboveMaxDenomination
      ? true
      : row.title === FIXTURES.flexible
        ? false
        : random.chance(0.45);
  const redemptionType = REDEMPTION[row.redemption];
  const expiry = random.pick([3, 6, 12, 12, 12, 24, null]);
  const where =
    redemptionType === 'ONLINE'
      ? 'online on the website and app'
      : redemptionType === 'OFFLINE'
        ? 'at outlets across India'
        : 'online and at outlets across India';
  return {
    id,
    status: INACTIVE_TITLES.includes(row.title) ? 'INACTIVE' : 'ACTIVE',
    title: row.title,
    brandDescription: `${row.title} gift cards can be redeemed ${where}. Popular for ${listInWords(row.tags.map((tag) => tag.toLowerCase()))}.`,
    category: row.categories,
    tags: row.tags,
    denominationType: fixed ? 'FIXED' : 'FLEXIBLE',
    cardType:
      row.title === FIXTURES.fixed
        ? 'CARD_NO_AND_PIN'
        : isFixture
          ? 'CARD_AND_PIN_NO_SECURED'
          : random.pick(CARD_TYPES),
    redemptionType,
    amountRestrictions: restrictionsFor(row.title, fixed, random),
    iconImageUrl: `/__sim/assets/icon/${id}.svg`,
    thumbnailUrl: `/__sim/assets/thumbnail/${id}.svg`,
    logoUrl: `/__sim/assets/logo/${id}.svg`,
    tncUrl: `/__sim/assets/tnc/${id}.html`,
    termsAndConditions: termsFor(row.title, expiry),
    ...instructions(row.title, redemptionType),
    discountPercentage: random.pick([0, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 10]),
    canBalanceBeFetched: random.chance(0.3),
    voucherExpiryInMonths: expiry,
  };
}

/** When the brand's current discount started (YYYY-MM-DD), drawn from its id. */
export function discountValidFromFor(id: string): string {
  const random = createRandom(fnv1a(id));
  return new Date(Date.UTC(2025, random.int(0, 11), random.int(1, 28))).toISOString().slice(0, 10);
}

export function buildCatalogue(): Catalogue {
  const rows = parseBrandSource();
  const titles = new Set<string>();
  for (const row of rows) {
    if (titles.has(row.title)) throw new Error(`duplicate brand ${row.title}`);
    titles.add(row.title);
  }
  const brands = rows.map(buildBrand);
  const idOf = (title: string): string => {
    const brand = brands.find((candidate) => candidate.title === title);
    if (!brand) throw new Error(`unknown brand title ${title}`);
    return brand.id;
  };
  const discountValidFrom = Object.fromEntries(brands.map((brand) => [brand.id, discountValidFromFor(brand.id)]));
  return {
    version: 1,
    generatedBy: 'node src/main/simulator/catalogue/generate-catalogue.ts',
    seed: CATALOGUE_SEED,
    brands,
    simulator: {
      temporarilyDisabled: TEMPORARILY_DISABLED_TITLES.map(idOf),
      notEnabled: Object.fromEntries(
        Object.entries(NOT_ENABLED_TITLES).map(([clientId, list]) => [clientId, list.map(idOf)]),
      ),
      discountValidFrom,
      fixtures: {
        fixed: idOf(FIXTURES.fixed),
        flexible: idOf(FIXTURES.flexible),
        inactive: idOf(FIXTURES.inactive),
        temporarilyDisabled: idOf(FIXTURES.temporarilyDisabled),
        notEnabledForStaging: idOf(FIXTURES.notEnabledForStaging),
        aboveMaxDenomination: idOf(FIXTURES.aboveMaxDenomination),
      },
    },
  };
}

export { slug as brandSlug };

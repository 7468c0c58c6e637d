import type { BrandChange, BrandDetail } from '../../../shared/contract/catalog.ts';
import { faceRange, initialsOf } from './brand-record.ts';
import type { StoredBrand } from './catalog-store.ts';
import { restrictionsText } from './restriction-words.ts';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;

/** One brand for its detail panel: the stored record, the fields only its raw JSON holds, its history. */
export function brandDetailOf(brand: StoredBrand, history: BrandChange[]): BrandDetail {
  const raw = JSON.parse(brand.rawJson) as Record<string, unknown>;
  const face = faceRange(brand);
  return {
    id: brand.id,
    name: brand.name,
    status: brand.status,
    categories: [...brand.categories],
    denominationType: brand.denominationType,
    denominationsPaise: brand.denominationsPaise ? [...brand.denominationsPaise] : null,
    faceMinPaise: face.min,
    faceMaxPaise: face.max,
    discountPercent: brand.discountPercent,
    initials: initialsOf(brand.name),
    description: text(raw['brandDescription']),
    tags: strings(raw['tags']) ?? [],
    cardType: text(raw['cardType']),
    redemptionType: text(raw['redemptionType']),
    restrictions: brand.restrictions,
    restrictionsText: restrictionsText(brand),
    discount:
      brand.discountPercent === null
        ? null
        : { percent: brand.discountPercent, validFrom: brand.discountValidFrom, validTo: brand.discountValidTo },
    usageInstructions: brand.usageInstructions
      ? brand.usageInstructions.map((item) => ({ ...item, steps: [...item.steps] }))
      : [],
    retailModes: brand.retailModes ? [...brand.retailModes] : null,
    termsAndConditions: strings(raw['termsAndConditions']),
    tncUrl: text(raw['tncUrl']),
    firstSeenAt: brand.firstSeenAt,
    updatedAt: brand.updatedAt,
    history,
  };
}

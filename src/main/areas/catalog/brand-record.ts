import type { Restrictions, UsageInstruction } from '../../../shared/contract/catalog.ts';
import { brandCategories, type Brand } from '../../../shared/hubble/brand.ts';
import { countOf, rupeesToPaise } from './rupees.ts';

/** One brand as the catalog keeps it: every shape the doc generations disagree on read into one. */
export interface BrandRecord {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  /** sorted, so a reordering by Hubble is not a change */
  readonly categories: readonly string[];
  readonly denominationType: string | null;
  /** sorted face values in paise; null for FLEXIBLE brands (and FIXED ones Hubble sent none for) */
  readonly denominationsPaise: readonly number[] | null;
  readonly restrictions: Restrictions;
  readonly discountPercent: number | null;
  readonly discountValidFrom: string | null;
  readonly discountValidTo: string | null;
  readonly retailModes: readonly string[] | null;
  readonly usageInstructions: readonly UsageInstruction[] | null;
  readonly logoUrl: string | null;
  /** the brand as Hubble sent it */
  readonly rawJson: string;
}

export const RESTRICTION_FIELDS = [
  'minOrderPaise',
  'maxOrderPaise',
  'minVoucherPaise',
  'maxVoucherPaise',
  'maxVouchersPerOrder',
  'maxVouchersPerDenomination',
  'maxDenominationsPerOrder',
] as const satisfies readonly (keyof Restrictions)[];

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : null;

/** Case and accents as the operator types them: search compares folded forms on both sides. */
export const foldName = (name: string): string => name.normalize('NFKC').toLowerCase();

export function initialsOf(name: string): string {
  const words = name
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

function denominationsOf(raw: unknown): number[] | null {
  if (!Array.isArray(raw)) return null;
  const values = raw.map(rupeesToPaise).filter((paise): paise is number => paise !== null && paise > 0);
  return [...new Set(values)].sort((a, b) => a - b);
}

/** `howToUseInstructions` (V2/V3) or, failing that, the deprecated `usageInstructions` map {MODE: steps}. */
function usageInstructionsOf(brand: Brand): UsageInstruction[] | null {
  if (Array.isArray(brand.howToUseInstructions) && brand.howToUseInstructions.length > 0) {
    const read = brand.howToUseInstructions.flatMap((entry) => {
      const item = asRecord(entry);
      if (!item) return [];
      const mode = stringOrNull(item['retailMode']) ?? 'GENERAL';
      return [{ mode, name: stringOrNull(item['retailModeName']) ?? mode, steps: strings(item['instructions']) ?? [] }];
    });
    if (read.length > 0) return read;
  }
  const map = asRecord(brand.usageInstructions);
  if (!map) return null;
  const read = Object.entries(map).map(([mode, steps]) => ({ mode, name: mode, steps: strings(steps) ?? [] }));
  return read.length > 0 ? read : null;
}

/** Free-form tags when Hubble names them (`retailModes` / SDK `brandRetailModes`), else the instructions' modes. */
function retailModesOf(brand: Brand, instructions: readonly UsageInstruction[] | null): string[] | null {
  const named = strings(brand['retailModes']) ?? strings(brand['brandRetailModes']);
  if (named) return named;
  return instructions ? [...new Set(instructions.map((item) => item.mode))] : null;
}

/** The discount's name on the Brand object is not documented: `discountPercentage` (3P types) or `subventionPercentage`. */
function discountOf(brand: Brand): number | null {
  for (const key of ['discountPercentage', 'subventionPercentage']) {
    const value = brand[key];
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number === 'number' && Number.isFinite(number)) return number;
  }
  return null;
}

/**
 * A parsed Brand → the catalog's record. `denominations` may sit inside `amountRestrictions` (Brand object) or at
 * the top level (Brand Updated); `minOrderAmount`/`maxOrderAmount` win over the deprecated `minAmount`/`maxAmount`.
 */
export function brandRecordOf(brand: Brand, rawJson: string = JSON.stringify(brand)): BrandRecord {
  const limits = brand.amountRestrictions ?? {};
  const denominationType = stringOrNull(brand.denominationType)?.toUpperCase() ?? null;
  const denominations = denominationsOf(limits.denominations ?? brand['denominations']);
  const instructions = usageInstructionsOf(brand);
  return {
    id: brand.id,
    name: brand.title,
    status: brand.status.toUpperCase(),
    categories: [...new Set(brandCategories(brand))].sort(),
    denominationType,
    denominationsPaise: denominations && denominations.length > 0 ? denominations : null,
    restrictions: {
      minOrderPaise: rupeesToPaise(limits.minOrderAmount ?? limits.minAmount),
      maxOrderPaise: rupeesToPaise(limits.maxOrderAmount ?? limits.maxAmount),
      minVoucherPaise: rupeesToPaise(limits.minVoucherAmount),
      maxVoucherPaise: rupeesToPaise(limits.maxVoucherAmount),
      maxVouchersPerOrder: countOf(limits.maxVouchersPerOrder),
      maxVouchersPerDenomination: countOf(limits.maxVouchersPerDenomination),
      maxDenominationsPerOrder: countOf(limits.maxDenominationsPerOrder),
    },
    discountPercent: discountOf(brand),
    discountValidFrom: stringOrNull(brand['discountValidFrom']),
    discountValidTo: stringOrNull(brand['discountValidTo']),
    retailModes: retailModesOf(brand, instructions),
    usageInstructions: instructions,
    logoUrl: stringOrNull(brand.logoUrl) ?? stringOrNull(brand.thumbnailUrl) ?? stringOrNull(brand.iconImageUrl),
    rawJson,
  };
}

/** The smallest and largest voucher a brand issues: its denominations when FIXED, its range otherwise. */
export function faceRange(record: BrandRecord): { min: number | null; max: number | null } {
  const list = record.denominationsPaise;
  if (record.denominationType === 'FIXED' || (record.denominationType === null && list))
    return list ? { min: list[0]!, max: list[list.length - 1]! } : { min: null, max: null };
  return { min: record.restrictions.minVoucherPaise, max: record.restrictions.maxVoucherPaise };
}

import type Database from 'better-sqlite3';
import { brandSchema } from '../../../shared/hubble/brand.ts';
import { diffBrand, keepDiscountValidity, type BrandDelta } from './brand-diff.ts';
import { brandRecordOf } from './brand-record.ts';
import { CatalogStore } from './catalog-store.ts';

/** What a brand webhook did to the catalog. */
export interface BrandWebhookResult {
  /** false: not a brand event, or a brand this catalog does not hold */
  readonly applied: boolean;
  readonly brandId: string | null;
  readonly changes: readonly BrandDelta[];
  /** the event names a brand the catalog lacks (NEW_BRAND_CREATED, an unknown id): a sync would bring it */
  readonly needsSync: boolean;
  readonly reason: string | null;
}

/** What one event says about a brand, in the Brand object's own field names (rupees, as Hubble sends them). */
interface BrandPatch {
  readonly brandId: string;
  readonly fields: Record<string, unknown>;
  readonly amountRestrictions: Record<string, unknown> | null;
  readonly discount: { percent: unknown; validFrom: string | null; validTo: string | null } | null;
}

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const dateOnly = (value: unknown): string | null => text(value)?.slice(0, 10) ?? null;

const ignored = (reason: string, brandId: string | null = null, needsSync = false): BrandWebhookResult => ({
  applied: false,
  brandId,
  changes: [],
  needsSync,
  reason,
});

type Reading = BrandPatch | BrandWebhookResult;

/** Brand Updated, Brand Discount Update, or an SDK brand event, told apart by shape (the API ones carry no type). */
function readBrandEvent(event: unknown): Reading {
  const body = record(event);
  if (!body) return ignored('not a JSON object');
  const sdkEvent = text(body['event']);
  if (sdkEvent !== null) {
    const details = record(body['details']) ?? {};
    const id = text(details['id']) ?? text(details['brandId']);
    if (id === null) return ignored(`${sdkEvent} without a brand id`);
    switch (sdkEvent) {
      case 'USER_DISCOUNT_UPDATED':
        return {
          brandId: id,
          fields: {},
          amountRestrictions: null,
          discount: { percent: details['discountPercentage'], validFrom: null, validTo: null },
        };
      case 'PARTNER_DISCOUNT_UPDATED':
        return {
          brandId: id,
          fields: {},
          amountRestrictions: null,
          discount: {
            percent: details['subventionPercentage'] ?? details['discountPercentage'],
            validFrom: dateOnly(details['validFrom']),
            validTo: dateOnly(details['validTo']),
          },
        };
      case 'BRAND_DISABLED':
        return { brandId: id, fields: { status: 'INACTIVE' }, amountRestrictions: null, discount: null };
      case 'NEW_BRAND_CREATED':
        return ignored('a new brand: the next sync brings its details', id, true);
      default:
        return ignored(`not a brand event (${sdkEvent.slice(0, 60)})`);
    }
  }
  const discountBrand = text(body['brandId']);
  if (discountBrand !== null && 'subventionPercentage' in body)
    return {
      brandId: discountBrand,
      fields: {},
      amountRestrictions: null,
      discount: {
        percent: body['subventionPercentage'],
        validFrom: dateOnly(body['validFrom']),
        validTo: dateOnly(body['validTo']),
      },
    };
  const id = text(body['id']);
  // `{id, status}` alone is Order Reached Terminal State: Brand Updated always carries its denomination fields.
  const brandKeys = ['denominationType', 'denominations', 'amountRestrictions'];
  if (id === null || !brandKeys.some((key) => key in body)) return ignored('not a brand event');
  const fields: Record<string, unknown> = {};
  if (text(body['status'])) fields['status'] = text(body['status'])!.toUpperCase();
  if (text(body['denominationType'])) fields['denominationType'] = body['denominationType'];
  const limits = { ...record(body['amountRestrictions']) };
  // Brand Updated puts `denominations` at the top level; the Brand object keeps it inside amountRestrictions.
  if ('denominations' in body) limits['denominations'] = body['denominations'];
  return {
    brandId: id,
    fields,
    amountRestrictions: Object.keys(limits).length > 0 || 'amountRestrictions' in body ? limits : null,
    discount: null,
  };
}

/**
 * Applies a Brand Updated / Brand Discount Update / SDK brand event to the profile's catalog at once (Hubble:
 * hide INACTIVE brands as soon as you hear), recording each change with source 'webhook' in the same history as
 * syncs. The stored Brand JSON is patched too, so the next sync compares against what the webhook said and does
 * not record the same change twice. A repeated delivery changes nothing and records nothing.
 */
export function applyBrandWebhook(
  scope: { readonly db: Database.Database },
  event: unknown,
  at: number = Date.now(),
): BrandWebhookResult {
  const reading = readBrandEvent(event);
  if ('applied' in reading) return reading;
  const store = new CatalogStore(scope.db);
  let result: BrandWebhookResult = ignored('a brand this catalog does not hold', reading.brandId, true);
  scope.db.transaction(() => {
    const before = store.get(reading.brandId);
    if (!before) return;
    const raw = JSON.parse(before.rawJson) as Record<string, unknown>;
    Object.assign(raw, reading.fields);
    if (reading.amountRestrictions)
      raw['amountRestrictions'] = { ...record(raw['amountRestrictions']), ...reading.amountRestrictions };
    if (reading.discount) raw['discountPercentage'] = reading.discount.percent;
    const parsed = brandSchema.safeParse(raw);
    if (!parsed.success) {
      result = ignored('the event does not fit the brand it names', reading.brandId);
      return;
    }
    let next = brandRecordOf(parsed.data, JSON.stringify(raw));
    next =
      reading.discount?.validFrom || reading.discount?.validTo
        ? { ...next, discountValidFrom: reading.discount.validFrom, discountValidTo: reading.discount.validTo }
        : keepDiscountValidity(before, next);
    const changes = diffBrand(before, next);
    if (changes.length > 0) {
      store.upsert(next, at);
      for (const change of changes) store.recordChange(null, 'webhook', change, at);
    }
    result = { applied: true, brandId: reading.brandId, changes, needsSync: false, reason: null };
  })();
  return result;
}

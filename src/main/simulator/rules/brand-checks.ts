import { SimError } from '../errors.ts';
import type { BrandRecord, BrandStore } from '../state/brands.ts';
import type { ClientState } from '../state/clients.ts';

/** E101: the product must exist and be enabled for this client (an unknown productId is treated the same). */
export function requireEnabledBrand(brands: BrandStore, client: ClientState, productId: string): BrandRecord {
  const record = brands.get(productId);
  if (!record || client.notEnabledBrandIds.has(productId)) {
    throw new SimError('BRAND_NOT_ENABLED', {
      debugMessage: record
        ? `Brand ${productId} is not enabled for ${client.clientId}`
        : `No brand with id ${productId}`,
    });
  }
  return record;
}

/** E102: an INACTIVE brand cannot generate vouchers. */
export function requireActiveBrand(record: BrandRecord): void {
  if (record.brand.status !== 'ACTIVE')
    throw new SimError('BRAND_NOT_ACTIVE', { debugMessage: `Brand ${record.brand.id} is ${record.brand.status}` });
}

/** E100: the brand's provider is failing right now; retry later. */
export function requireAvailableBrand(record: BrandRecord): void {
  if (record.temporarilyDisabled)
    throw new SimError('BRAND_TEMPORARILY_DISABLED', {
      debugMessage: `Brand ${record.brand.id} is temporarily disabled`,
    });
}

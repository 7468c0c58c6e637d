import { toPaise } from '../money.ts';
import type { OrderPort } from '../orders/order-port.ts';
import type { BrandRecord } from '../state/brands.ts';
import type { ClientState } from '../state/clients.ts';
import type { DenominationLine, OrderRecord } from '../state/orders.ts';
import { AMOUNT_CHECKS, checkDenominationItems } from './amount-checks.ts';
import { parsePlaceOrderBody, type PlaceOrderInput } from './body-shape.ts';
import { requireActiveBrand, requireAvailableBrand, requireEnabledBrand } from './brand-checks.ts';
import { checkRateLimits } from './rate-limit-check.ts';
import { findExistingOrder } from './reference-id.ts';
import { checkWallet } from './wallet-check.ts';

export type ValidationResult =
  | { kind: 'existing'; order: OrderRecord }
  | { kind: 'new'; input: PlaceOrderInput; record: BrandRecord; lines: DenominationLine[]; amountPaise: number };

/**
 * Place-order checks in the order of hubble-api.md §14.4 (Hubble's real order is unknown): body shape →
 * referenceId → product → brand state → amounts → rate limits → wallet. The first failure is thrown.
 */
export function validateOrder(
  port: Pick<OrderPort, 'now' | 'orders' | 'brands'>,
  client: ClientState,
  body: unknown,
): ValidationResult {
  const input = parsePlaceOrderBody(body, client.b2c);
  const existing = findExistingOrder(port.orders, client, input.referenceId);
  if (existing) return { kind: 'existing', order: existing };
  const record = requireEnabledBrand(port.brands, client, input.productId);
  requireActiveBrand(record);
  requireAvailableBrand(record);
  const lines = checkDenominationItems(input.denominationDetails);
  const amounts = { brand: record.brand, lines, amount: input.amount };
  for (const check of AMOUNT_CHECKS) check(amounts);
  const amountPaise = toPaise(input.amount);
  checkRateLimits(client, { brandId: record.brand.id, customerKey: input.customerKey, amountPaise }, port.now());
  checkWallet(client, amountPaise);
  return { kind: 'new', input, record, lines, amountPaise };
}

import { describe, expect, it } from 'vitest';
import { brandCategories, brandSchema } from '../../../src/shared/hubble/brand.ts';
import { brandListEnvelopeSchema, readBrandList } from '../../../src/shared/hubble/brand-list.ts';
import { errorBodySchema } from '../../../src/shared/hubble/error-body.ts';
import { orderSchema } from '../../../src/shared/hubble/order.ts';
import { tokenResponseSchema } from '../../../src/shared/hubble/token-response.ts';
import { walletBalanceSchema } from '../../../src/shared/hubble/wallet.ts';

const brand = { id: '01GMAW822RPDJ5C50XK24QC2C4', status: 'ACTIVE', title: 'Zomato', denominationType: 'FLEXIBLE' };

describe('tolerant Hubble schemas (hubble-api.md §11)', () => {
  it('reads expiresInSecs as a number, a numeric string, or unknown', () => {
    expect(tokenResponseSchema.parse({ token: 't', expiresInSecs: 3600 }).expiresInSecs).toBe(3600);
    expect(tokenResponseSchema.parse({ token: 't', expiresInSecs: '3600' }).expiresInSecs).toBe(3600);
    expect(tokenResponseSchema.parse({ token: 't', expiresInSecs: 'validity in seconds' }).expiresInSecs).toBeNull();
    expect(tokenResponseSchema.parse({ token: 't' }).expiresInSecs).toBeNull();
    expect(tokenResponseSchema.safeParse({ expiresInSecs: 3600 }).success).toBe(false);
  });

  it('accepts category (V2/V3) and categories (V1), and keeps unknown fields', () => {
    const v3 = brandSchema.parse({ ...brand, category: ['FOOD'], discountPercentage: 4.5 });
    const v1 = brandSchema.parse({ ...brand, categories: ['FOOD'] });
    expect(brandCategories(v3)).toEqual(['FOOD']);
    expect(brandCategories(v1)).toEqual(['FOOD']);
    expect(v3['discountPercentage']).toBe(4.5);
    expect(brandCategories(brandSchema.parse(brand))).toEqual([]);
  });

  it('accepts any card type and deprecated amount fields next to their replacements', () => {
    const parsed = brandSchema.parse({
      ...brand,
      cardType: 'PIN_SECURED/CARD_NO_AND_PIN',
      amountRestrictions: { minAmount: 100, minOrderAmount: '100', denominations: null },
    });
    expect(parsed.cardType).toBe('PIN_SECURED/CARD_NO_AND_PIN');
    expect(parsed.amountRestrictions?.minOrderAmount).toBe(100);
  });

  it('reads nextCursor as an object, a string, null or absent', () => {
    const read = (envelope: unknown) => readBrandList(brandListEnvelopeSchema.parse(envelope));
    expect(read({ data: [brand], nextCursor: { pageNo: 2, limit: 20 } }).nextCursor).toEqual({ pageNo: 2, limit: 20 });
    expect(read({ data: [brand], nextCursor: 'abc' }).nextCursor).toBe('abc');
    expect(read({ data: [brand], nextCursor: null }).nextCursor).toBeNull();
    expect(read({ data: [brand] }).nextCursor).toBeNull();
    expect(read([brand]).brands).toHaveLength(1);
  });

  it('keeps the good brands of a list and reports the bad entries', () => {
    const list = readBrandList(brandListEnvelopeSchema.parse({ data: [brand, { title: 'no id' }, 'nonsense'] }));
    expect(list.brands.map((b) => b.title)).toEqual(['Zomato']);
    expect(list.rejected.map((r) => r.index)).toEqual([1, 2]);
  });

  it('reads voucher amounts as numbers or strings, null vouchers as none', () => {
    const order = orderSchema.parse({
      id: 'o1',
      referenceId: 'r1',
      status: 'SUCCESS',
      vouchers: [
        { id: 'v1', amount: '500', cardNumber: '1', cardPin: '2' },
        { id: 'v2', amount: 500 },
      ],
      failureReason: null,
    });
    expect(order.vouchers.map((v) => v.amount)).toEqual([500, 500]);
    expect(orderSchema.parse({ id: 'o2', status: 'PROCESSING', vouchers: null }).vouchers).toEqual([]);
    expect(orderSchema.parse({ id: 'o3', status: 'SOMETHING_NEW' }).status).toBe('SOMETHING_NEW');
  });

  it('reads wallet balances with decimals or as text', () => {
    expect(walletBalanceSchema.parse({ balance: 1000.5 }).balance).toBe(1000.5);
    expect(walletBalanceSchema.parse({ balance: '1000.50' }).balance).toBe(1000.5);
    expect(walletBalanceSchema.safeParse({ balance: 'lots' }).success).toBe(false);
  });

  it('recognises error bodies with an id or only a code', () => {
    expect(
      errorBodySchema.safeParse({
        id: 'E400',
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Brand is temporarily unavailable',
      }).success,
    ).toBe(true);
    expect(errorBodySchema.safeParse({ code: 'RESOURCE_NOT_FOUND' }).success).toBe(true);
    expect(errorBodySchema.safeParse({ message: 'nope' }).success).toBe(false);
  });
});

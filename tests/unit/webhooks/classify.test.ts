import { describe, expect, it } from 'vitest';
import { classifyPayload } from '../../../src/shared/webhooks/classify-payload.ts';
import { FIXTURE_IDS, fixture } from './openssl-hmac.ts';

const payload = (id: string) => JSON.parse(fixture(id).toString('utf8')) as Record<string, unknown>;

describe('classification of the seed payloads', () => {
  const expected: Record<(typeof FIXTURE_IDS)[number], 'certain' | 'high'> = {
    'brand-updated': 'high',
    'wallet-low-balance': 'high',
    'order-terminal-state': 'high',
    'brand-discount-update': 'high',
    'sdk-transaction-completed': 'certain',
    'sdk-transaction-failed': 'certain',
    'sdk-transaction-reversed': 'certain',
    'sdk-user-discount-updated': 'certain',
    'sdk-new-brand-created': 'certain',
    'sdk-brand-disabled': 'certain',
    'sdk-partner-discount-updated': 'certain',
  };
  for (const id of FIXTURE_IDS) {
    it(`${id} is recognised with ${expected[id]} confidence and validates`, () => {
      const result = classifyPayload(payload(id));
      expect(result).toMatchObject({ type: id, confidence: expected[id], valid: true, issues: [], unknownFields: [] });
      expect(result.advice.length).toBeGreaterThan(0);
    });
  }

  it('explains that partner API webhooks carry no type field', () => {
    expect(classifyPayload(payload('wallet-low-balance')).reason).toContain('No type field');
  });

  it("gives the seeds' handling advice", () => {
    expect(classifyPayload(payload('order-terminal-state')).advice.join(' ')).toMatch(
      /no referenceId.*GET \/v1\/partners\/orders\/\{id\}/,
    );
    expect(classifyPayload(payload('order-terminal-state')).advice.join(' ')).toContain('does not retry');
    expect(classifyPayload(payload('sdk-transaction-completed')).advice.join(' ')).toContain('transactionReferenceId');
    expect(classifyPayload(payload('sdk-transaction-completed')).advice.join(' ')).toContain(
      'brandRetailModes may be null',
    );
  });

  it('masks card numbers and PINs in the facts it returns', () => {
    const result = classifyPayload({ ...payload('sdk-transaction-completed'), cardPin: '4321' });
    expect(JSON.stringify(result)).not.toContain('4321');
    expect(result.facts).toContainEqual({ label: 'cardPin', value: '****' });
    expect(result.facts).toContainEqual({ label: 'vouchers', value: '1 item' });
  });
});

describe('tolerance where the docs disagree', () => {
  it('amounts as strings and brandRetailModes null are valid, with notes', () => {
    const body = payload('sdk-transaction-completed');
    const voucher = (body['vouchers'] as Array<Record<string, unknown>>)[0]!;
    const result = classifyPayload({
      ...body,
      amount: '1000',
      discountAmount: '50',
      vouchers: [{ ...voucher, amount: '1000', brandRetailModes: null }],
    });
    expect(result).toMatchObject({ type: 'sdk-transaction-completed', valid: true });
    expect(result.notes.join(' ')).toMatch(/amount is a string/);
    expect(result.notes.join(' ')).toMatch(/brandRetailModes is null/);
  });

  it('an older SDK payload without orderStatus: vouchers mean COMPLETED (medium)', () => {
    const { orderStatus: _omit, ...older } = payload('sdk-transaction-completed');
    expect(classifyPayload(older)).toMatchObject({
      type: 'sdk-transaction-completed',
      confidence: 'medium',
      valid: true,
    });
  });

  it('without orderStatus and vouchers, FAILED is a low-confidence guess with REVERSED as the alternative', () => {
    const { orderStatus: _omit, ...older } = payload('sdk-transaction-reversed');
    const result = classifyPayload(older);
    expect(result).toMatchObject({ type: 'sdk-transaction-failed', confidence: 'low' });
    expect(result.alternatives[0]).toMatchObject({ type: 'sdk-transaction-reversed' });
  });

  it('the deprecated minAmount/maxAmount are accepted and noted', () => {
    const body = payload('brand-updated');
    const result = classifyPayload({
      ...body,
      amountRestrictions: { minAmount: 100, maxAmount: 5000, maxVouchersPerOrder: 5, maxDenominationsPerOrder: 1 },
    });
    expect(result).toMatchObject({ type: 'brand-updated', valid: true });
    expect(result.notes.join(' ')).toContain('deprecated');
  });

  it('a terminal-state status outside SUCCESS/FAILED validates but is noted', () => {
    const result = classifyPayload({ id: 'o1', status: 'PROCESSING' });
    expect(result).toMatchObject({ type: 'order-terminal-state', valid: true });
    expect(result.notes[0]).toContain('only for SUCCESS or FAILED');
  });

  it('Brand Discount Update without validTo (an indefinite discount) is valid', () => {
    const { validTo: _omit, ...indefinite } = payload('brand-discount-update');
    expect(classifyPayload(indefinite)).toMatchObject({
      type: 'brand-discount-update',
      valid: true,
      confidence: 'high',
    });
  });

  it('unknown extra fields are listed, not rejected', () => {
    expect(classifyPayload({ balance: 50, threshold: 100, currency: 'INR' })).toMatchObject({
      type: 'wallet-low-balance',
      valid: true,
      unknownFields: ['currency'],
    });
  });
});

describe('field-level validation messages', () => {
  it('names the field and says what was expected', () => {
    const result = classifyPayload({ ...payload('brand-updated'), status: 'GONE', denominationType: 3 });
    expect(result.type).toBe('brand-updated');
    expect(result.valid).toBe(false);
    expect(result.confidence).toBe('medium');
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: 'status', message: 'expected ACTIVE or INACTIVE' },
        { path: 'denominationType', message: 'expected FIXED or FLEXIBLE' },
      ]),
    );
  });

  it('points into nested vouchers', () => {
    const body = payload('sdk-transaction-completed');
    const voucher = (body['vouchers'] as Array<Record<string, unknown>>)[0]!;
    const result = classifyPayload({ ...body, vouchers: [{ ...voucher, amount: 'lots' }] });
    expect(result.issues).toContainEqual({ path: 'vouchers.0.amount', message: expect.stringContaining('amount') });
  });

  it('a FAILED transaction with vouchers is flagged', () => {
    const completed = payload('sdk-transaction-completed');
    const result = classifyPayload({ ...completed, orderStatus: 'FAILED' });
    expect(result).toMatchObject({ type: 'sdk-transaction-failed', confidence: 'high', valid: false });
    expect(result.issues).toContainEqual({
      path: 'vouchers',
      message: 'a FAILED transaction has an empty vouchers array',
    });
  });

  it('an invalid date in a discount update', () => {
    const result = classifyPayload({ ...payload('brand-discount-update'), validFrom: '23/12/2025' });
    expect(result.issues).toContainEqual({ path: 'validFrom', message: 'expected a date like 2025-12-23' });
  });
});

describe('shapes that are not Hubble webhooks', () => {
  it('an unknown SDK event is low confidence with no type', () => {
    expect(classifyPayload({ event: 'BRAND_RENAMED', details: {} })).toMatchObject({ type: null, confidence: 'low' });
  });

  it('arrays, scalars and unrelated objects are not classified', () => {
    expect(classifyPayload([1, 2])).toMatchObject({ json: 'not-object', type: null, confidence: 'none' });
    expect(classifyPayload('hello')).toMatchObject({ json: 'not-object', type: null });
    expect(classifyPayload({ foo: 1 })).toMatchObject({ json: 'object', type: null, confidence: 'none' });
  });

  it('a partial shape gets a low-confidence guess', () => {
    expect(classifyPayload({ balance: 50 })).toMatchObject({
      type: 'wallet-low-balance',
      confidence: 'low',
      valid: false,
    });
    expect(classifyPayload({ id: 'x', denominationType: 'FIXED' })).toMatchObject({
      type: 'brand-updated',
      confidence: 'low',
    });
  });
});

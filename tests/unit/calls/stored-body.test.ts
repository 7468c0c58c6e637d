import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_STORED_BODY_CHARS, redactBody } from '../../../src/main/kernel/call-log/stored-body.ts';
import { redactText, redactValue, type RedactionContext } from '../../../src/shared/hubble/redact.ts';

const SECRET = 'cs_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const context: RedactionContext = { secrets: [SECRET] };

/** The stored part without the truncation note. */
const storedPart = (stored: string, limit: number) => (stored.length > limit ? stored.slice(0, limit) : stored);

/** Every piece of `value` this long: none may be stored. */
const piecesOf = (value: string, length: number) =>
  Array.from({ length: value.length - length + 1 }, (_, start) => value.slice(start, start + length));

const expectNoPieceOf = (stored: string, value: string, length = 6) => {
  for (const piece of piecesOf(value, length)) expect(stored, `stores "${piece}" of ${value}`).not.toContain(piece);
};

/** Prose with spaces, no digits and nothing a mask would touch. */
const filler = (length: number) =>
  'the quick brown fox jumps over the lazy dog '.repeat(length / 44 + 1).slice(0, length);

describe('redactBody (what the call log stores of a body)', () => {
  it('stores exactly the first characters of the whole body redacted, for any JSON body and limit', () => {
    const key = fc.constantFrom('id', 'name', 'productId', 'cardPin', 'token', 'phone', 'email', 'note', 'items');
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(SECRET, `Bearer ${SECRET}`, '4111 1111 1111 1111', 'ops@example.com', '9876543210'),
    );
    const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    const { json } = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('json'), { maxLength: 6 }),
        fc.dictionary(key, tie('json'), { maxKeys: 6 }),
      ),
    }));
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 600 }), (body, limit) => {
        const whole = JSON.stringify(redactValue(body, context));
        const stored = redactBody(body, null, context, limit)!;
        expect(storedPart(stored, limit)).toBe(whole.slice(0, limit));
        expect(stored.length > limit).toBe(whole.length > limit);
      }),
      { numRuns: 400 },
    );
  });

  it('stops reading a JSON body once the stored part is full', () => {
    const brands = Array.from({ length: 2_000 }, (_, index) => ({ id: `b${index}`, name: `Brand ${index}` }));
    let readsPastTheStoredPart = 0;
    const last = brands[brands.length - 1]!;
    Object.defineProperty(last, 'name', { enumerable: true, get: () => (readsPastTheStoredPart += 1) });
    const stored = redactBody({ data: { items: brands } }, null, context)!;
    expect(stored.length).toBeGreaterThan(MAX_STORED_BODY_CHARS);
    expect(readsPastTheStoredPart).toBe(0);
    expect(stored.startsWith('{"data":{"items":[{"id":"b0","name":"Brand 0"}')).toBe(true);
  });

  it('never stores a piece of a secret a JSON body holds at the cut', () => {
    const limit = 200;
    for (let at = 150; at <= 210; at += 1) {
      const body = { description: `${filler(at - 16)}${SECRET} and more` };
      expectNoPieceOf(storedPart(redactBody(body, null, context, limit)!, limit), SECRET);
    }
  });

  // A text body is redacted only as far as a margin past what is kept; these put each kind of secret across
  // the end of the stored part and across the end of what is read.
  describe('a text body (not JSON) cut through a secret', () => {
    const limit = 1_000;
    const offsets = Array.from({ length: 800 }, (_, index) => index * 9);

    it('does not store a piece of a known secret (the client secret)', () => {
      for (const at of offsets) {
        const text = `${filler(at)}${SECRET} ${filler(12_000)}`;
        expectNoPieceOf(storedPart(redactBody(undefined, text, context, limit)!, limit), SECRET);
      }
    });

    it('does not store a piece of a card number', () => {
      for (let at = 0; at <= 6_500; at += 3) {
        const text = `${filler(at)}card 4111 1111 1111 1111 ${filler(12_000)}`;
        expect(storedPart(redactBody(undefined, text, context, limit)!, limit)).not.toMatch(/\d{3}/);
      }
    });

    it('does not store a piece of a JWT longer than any margin', () => {
      const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${'c3ViIjoicGFydG5lciJ9'.repeat(230)}.sig_${'Q'.repeat(40)}`;
      for (let at = 0; at <= 6_500; at += 61) {
        const text = `${filler(at)}token ${jwt} ${filler(12_000)}`;
        expectNoPieceOf(storedPart(redactBody(undefined, text, context, limit)!, limit), jwt.slice(0, 40));
      }
    });

    it('stores the same as redacting the whole text, then cutting it', () => {
      const text = `${filler(500)}Bearer ${SECRET} ${filler(300_000)}`;
      const whole = redactText(text, context);
      expect(storedPart(redactBody(undefined, text, context, limit)!, limit)).toBe(whole.slice(0, limit));
    });
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { opensslSignature } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// A body signed in one serialiser's layout and pasted in another's must be explained as re-serialised, for
// the layouts real serialisers and Hubble's own docs produce. The serialisers here are written independently
// of the console's printer: JSON.stringify, an emulation of Python's json.dumps, and Hubble's docs layout.

const SECRET = 'whsec_reserialised-2vQ';
let wh: WebhooksCore;
beforeAll(async () => {
  wh = await startWebhooksCore();
});
afterAll(async () => {
  await wh.close();
});

/** Brand Updated exactly as Hubble's webhook docs print it (seed 001): one member per line, no indentation. */
const DOCS_BRAND_UPDATED = [
  '{',
  '"id": "brand_id",',
  '"denominationType": "FIXED",',
  '"status": "ACTIVE",',
  '"denominations": [100, 1000, 5000],',
  '"amountRestrictions": {',
  '"minOrderAmount": 100,',
  '"maxOrderAmount": 5000,',
  '"minVoucherAmount": 100,',
  '"maxVoucherAmount": 5000,',
  '"maxVouchersPerOrder": 5,',
  '"maxVouchersPerDenomination": 1,',
  '"maxDenominationsPerOrder": 1',
  '}',
  '}',
].join('\n');

const codes = (result: Verification) => result.findings.map((finding) => finding.code);

async function verify(body: string, signed: string): Promise<Verification> {
  const result = await wh.verify({
    body: { text: body },
    signatureHeader: opensslSignature(signed, SECRET),
    secret: { kind: 'pasted', value: SECRET },
  });
  expect(result.verdict).toBe('invalid');
  return result;
}

describe("Hubble's docs layout", () => {
  it('BODY_RESERIALISED: a pretty-printed copy of a body signed in the docs layout (no indentation)', async () => {
    const pasted = JSON.stringify(JSON.parse(DOCS_BRAND_UPDATED), null, 2);
    const result = await verify(pasted, DOCS_BRAND_UPDATED);
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Layout of the signed form',
      value: expect.stringContaining('without indentation'),
    });
    expect(result.diff?.rightBytes).toBe(Buffer.byteLength(DOCS_BRAND_UPDATED));
  });

  it('BODY_RESERIALISED + CRLF: the docs layout with Windows line endings, pasted compact', async () => {
    const signed = DOCS_BRAND_UPDATED.replaceAll('\n', '\r\n');
    const result = await verify(JSON.stringify(JSON.parse(DOCS_BRAND_UPDATED)), signed);
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Layout of the signed form',
      value: expect.stringMatching(/without indentation.*CRLF/),
    });
  });

  it('PARSED_JSON: the docs-layout body verified as JSON.stringify(JSON.parse(body))', async () => {
    const result = await verify(DOCS_BRAND_UPDATED, JSON.stringify(JSON.parse(DOCS_BRAND_UPDATED)));
    expect(codes(result)).toEqual(['PARSED_JSON']);
  });
});

// --- independent serialisers -------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const escapeNonAscii = (text: string) =>
  text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Python's json.dumps(value, indent=…, sort_keys=…, ensure_ascii=…) with its default separators. */
function pythonDumps(value: Json, options: { indent: number | null; sortKeys: boolean; ensureAscii: boolean }): string {
  const itemSeparator = options.indent === null ? ', ' : ',';
  const str = (text: string) => (options.ensureAscii ? escapeNonAscii(JSON.stringify(text)) : JSON.stringify(text));
  const dump = (node: Json, level: number): string => {
    if (node === null) return 'null';
    if (typeof node === 'boolean') return node ? 'true' : 'false';
    if (typeof node === 'number') return String(node);
    if (typeof node === 'string') return str(node);
    const open = Array.isArray(node) ? '[' : '{';
    const close = Array.isArray(node) ? ']' : '}';
    const parts = Array.isArray(node)
      ? node.map((item) => dump(item, level + 1))
      : (options.sortKeys ? Object.keys(node).sort() : Object.keys(node)).map(
          (key) => `${str(key)}: ${dump(node[key]!, level + 1)}`,
        );
    if (parts.length === 0) return open + close;
    if (options.indent === null) return open + parts.join(itemSeparator) + close;
    const pad = (n: number) => ' '.repeat(options.indent! * n);
    return `${open}\n${parts.map((part) => pad(level + 1) + part).join(`${itemSeparator}\n`)}\n${pad(level)}${close}`;
  };
  return dump(value, 0);
}

/** Hubble's docs layout: JSON.stringify's lines without their indentation, arrays of values on one line. */
function docsLayout(value: Json): string {
  return JSON.stringify(value, null, 1)
    .replace(/^ +/gm, '')
    .replace(
      /\[\n((?:[^[\]{}\n]*,\n)*[^[\]{}\n]*)\n\]/g,
      (_match, inner: string) => `[${inner.split(',\n').join(', ')}]`,
    );
}

const SERIALISERS: Record<string, (value: Json) => string> = {
  'JSON.stringify': (value) => JSON.stringify(value),
  'JSON.stringify 2': (value) => JSON.stringify(value, null, 2),
  'JSON.stringify 4': (value) => JSON.stringify(value, null, 4),
  'JSON.stringify tab': (value) => JSON.stringify(value, null, '\t'),
  'JSON.stringify 2 + newline': (value) => `${JSON.stringify(value, null, 2)}\n`,
  'JSON.stringify 2, CRLF': (value) => JSON.stringify(value, null, 2).replaceAll('\n', '\r\n'),
  'docs layout': docsLayout,
  'docs layout, CRLF + newline': (value) => `${docsLayout(value).replaceAll('\n', '\r\n')}\r\n`,
  'python json.dumps': (value) => pythonDumps(value, { indent: null, sortKeys: false, ensureAscii: true }),
  'python json.dumps sort_keys': (value) => pythonDumps(value, { indent: null, sortKeys: true, ensureAscii: true }),
  'python json.dumps indent=2 ensure_ascii=False': (value) =>
    pythonDumps(value, { indent: 2, sortKeys: false, ensureAscii: false }),
  'python json.dumps indent=4 sort_keys': (value) =>
    pythonDumps(value, { indent: 4, sortKeys: true, ensureAscii: true }),
  'PHP json_encode (escaped slashes and unicode)': (value) =>
    escapeNonAscii(JSON.stringify(value)).replaceAll('/', '\\/'),
};

const text = fc.string({
  unit: fc.constantFrom('a', 'B', '7', ' ', 'é', '€', '/', '"', '\\', '-', ':', ','),
  maxLength: 8,
});
const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.boolean(),
  fc.constant(null),
  text,
);
const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,7}$/);
const payload: fc.Arbitrary<Json> = fc.dictionary(
  key,
  fc.oneof(
    scalar,
    fc.array(scalar, { maxLength: 4 }),
    fc.dictionary(key, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 4 }),
    fc.array(fc.dictionary(key, scalar, { maxKeys: 3 }), { maxLength: 2 }),
  ),
  { minKeys: 1, maxKeys: 6 },
);
const names = Object.keys(SERIALISERS);
// A body pasted with its keys sorted has lost the order Hubble signed them in: nothing can recover it.
const pastedNames = names.filter((name) => !name.includes('sort_keys'));

describe('re-serialised bodies, generated', () => {
  it('any pair of real serialisers: the form Hubble signed is found, never NO_EXPLANATION', async () => {
    await fc.assert(
      fc.asyncProperty(
        payload,
        fc.constantFrom(...names),
        fc.constantFrom(...pastedNames),
        async (value, signedWith, pastedWith) => {
          const signed = SERIALISERS[signedWith]!(value);
          const pasted = SERIALISERS[pastedWith]!(value);
          fc.pre(signed !== pasted);
          const result = await verify(pasted, signed);
          expect(codes(result), `${pastedWith} pasted, ${signedWith} signed:\n${pasted}\n${signed}`).not.toContain(
            'NO_EXPLANATION',
          );
          expect(result.diff?.rightBytes).toBe(Buffer.byteLength(signed));
        },
      ),
      { numRuns: 80, seed: 9 },
    );
  });
});

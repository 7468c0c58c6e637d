import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../../src/main/areas/webhooks/json-lossless.ts';
import { runSteps } from '../../../src/main/areas/webhooks/work-pacer.ts';
import { sortedKeysSteps } from '../../../src/main/areas/webhooks/key-order.ts';
import {
  printJson,
  STRINGS_AS_WRITTEN,
  STRINGS_LIKE_JSON_STRINGIFY,
  type JsonLayout,
  type JsonStyle,
} from '../../../src/main/areas/webhooks/json-printer.ts';
import { FIXTURE_IDS, fixture } from './openssl-hmac.ts';

const COMPACT: JsonLayout = { indent: null, colon: ':', comma: ',', arrays: 'broken', newline: '\n' };
const pretty = (indent: string, more: Partial<JsonLayout> = {}): JsonLayout => ({
  ...COMPACT,
  indent,
  colon: ': ',
  ...more,
});
const style = (overrides: Partial<JsonStyle>): JsonStyle => ({
  layout: COMPACT,
  sortKeys: false,
  strings: STRINGS_AS_WRITTEN,
  numbers: 'raw',
  ...overrides,
});
const jsLike = { numbers: 'js', strings: STRINGS_LIKE_JSON_STRINGIFY } as const;
const parse = (text: string) => {
  const node = parseJsonLossless(text);
  if (!node) throw new Error('not JSON');
  return node;
};

describe('lossless JSON', () => {
  it('reprints every seed payload byte for byte in the docs layout', () => {
    for (const id of FIXTURE_IDS) {
      const text = fixture(id).toString('utf8');
      expect(printJson(parse(text), style({ layout: pretty('  ', { arrays: 'inline', comma: ', ' }) })).text).toBe(
        text,
      );
    }
  });

  it('matches JSON.stringify for compact and pretty layouts when numbers and strings are normalised like JavaScript', () => {
    for (const id of FIXTURE_IDS) {
      const text = fixture(id).toString('utf8');
      const value = JSON.parse(text);
      expect(printJson(parse(text), style(jsLike)).text).toBe(JSON.stringify(value));
      for (const indent of ['  ', '    ', '\t']) {
        expect(printJson(parse(text), style({ layout: pretty(indent), ...jsLike })).text).toBe(
          JSON.stringify(value, null, indent),
        );
      }
    }
  });

  it('keeps number and escape lexemes as written unless asked', () => {
    const text = '{"a":1000.0,"b":"Caf\\u00e9","c":1e3}';
    expect(printJson(parse(text), style({})).text).toBe(text);
    const js = printJson(parse(text), style(jsLike));
    expect(js.text).toBe('{"a":1000,"b":"Café","c":1000}');
    expect(js).toMatchObject({ numbersRewritten: 2, stringsRewritten: 1 });
    expect(
      printJson(parse('{"n":"é"}'), style({ strings: { ...STRINGS_LIKE_JSON_STRINGIFY, unicode: 'upper' } })).text,
    ).toBe('{"n":"\\u00E9"}');
    expect(
      printJson(
        parse('{"u":"https://x/<a>&é"}'),
        style({ strings: { asWritten: false, unicode: 'lower', slashes: true, html: true } }),
      ).text,
    ).toBe('{"u":"https:\\/\\/x\\/\\u003ca\\u003e\\u0026\\u00e9"}');
    expect(printJson(parse('{"n":5}'), style({ numbers: 'double' })).text).toBe('{"n":5.0}');
  });

  it("prints Jackson's DefaultPrettyPrinter layout", () => {
    const text = '{"id":"x","list":[1,2],"empty":[],"obj":{},"vouchers":[{"a":1},{"b":2}]}';
    expect(printJson(parse(text), style({ layout: pretty('  ', { colon: ' : ', arrays: 'jackson' }) })).text).toBe(
      '{\n  "id" : "x",\n  "list" : [ 1, 2 ],\n  "empty" : [ ],\n  "obj" : { },\n  "vouchers" : [ {\n    "a" : 1\n  }, {\n    "b" : 2\n  } ]\n}',
    );
  });

  it("prints Python's json.dumps default separators and sorts keys when asked", () => {
    const root = parse('{"b":[1,2],"a":{"d":1,"c":2}}');
    const printed = printJson(
      root,
      style({ layout: { ...COMPACT, colon: ': ', comma: ', ' }, sortKeys: true }),
      runSteps(sortedKeysSteps(root)),
    );
    expect(printed.text).toBe('{"a": {"c": 2, "d": 1}, "b": [1, 2]}');
    expect(printed.objectsReordered).toBe(2);
  });

  it("prints Hubble's docs layout: one member per line without indentation, arrays of values on one line", () => {
    const text = '{"id":"brand_id","denominations":[100,1000],"amountRestrictions":{"minOrderAmount":100}}';
    expect(printJson(parse(text), style({ layout: pretty('', { arrays: 'inline', comma: ', ' }) })).text).toBe(
      '{\n"id": "brand_id",\n"denominations": [100, 1000],\n"amountRestrictions": {\n"minOrderAmount": 100\n}\n}',
    );
    expect(printJson(parse(text), style({ layout: pretty('  ', { newline: '\r\n' }) })).text).toBe(
      JSON.stringify(JSON.parse(text), null, 2).replaceAll('\n', '\r\n'),
    );
  });

  it('prints very long strings and wide objects in steps with the same result as in one go', () => {
    const long = 'é/'.repeat(50_000);
    const text = JSON.stringify({
      s: long,
      ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${3000 - i}`, i])),
    });
    const root = parse(text);
    const sorted = runSteps(sortedKeysSteps(root));
    const printed = printJson(
      root,
      style({ ...jsLike, sortKeys: true, strings: { ...STRINGS_LIKE_JSON_STRINGIFY, unicode: 'lower' } }),
      sorted,
    );
    const expected = JSON.stringify(
      Object.fromEntries(
        Object.entries(JSON.parse(text) as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      ),
    ).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(printed.text).toBe(expected);
  });

  it('refuses invalid JSON, trailing garbage and hostile nesting', () => {
    for (const bad of [
      '',
      '{',
      '{"a":}',
      '{"a":1} x',
      "{'a':1}",
      '[1,]',
      `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      '"\u0001"',
    ]) {
      expect(parseJsonLossless(bad)).toBeNull();
    }
    expect(parseJsonLossless(' \n{"a":[true,false,null,-0.5e-3]}\n ')).not.toBeNull();
  });
});

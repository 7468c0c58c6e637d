import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../../src/main/areas/webhooks/json-lossless.ts';
import { printJson, type JsonStyle } from '../../../src/main/areas/webhooks/json-printer.ts';
import { FIXTURE_IDS, fixture } from './openssl-hmac.ts';

const style = (overrides: Partial<JsonStyle>): JsonStyle => ({
  layout: 'compact',
  indent: '',
  sortKeys: false,
  strings: 'raw',
  numbers: 'raw',
  ...overrides,
});
const parse = (text: string) => {
  const node = parseJsonLossless(text);
  if (!node) throw new Error('not JSON');
  return node;
};

describe('lossless JSON', () => {
  it('reprints every seed payload byte for byte in the docs layout', () => {
    for (const id of FIXTURE_IDS) {
      const text = fixture(id).toString('utf8');
      expect(printJson(parse(text), style({ layout: 'pretty-inline', indent: '  ' })).text).toBe(text);
    }
  });

  it('matches JSON.stringify for compact and pretty layouts when numbers and strings are normalised like JavaScript', () => {
    for (const id of FIXTURE_IDS) {
      const text = fixture(id).toString('utf8');
      const value = JSON.parse(text);
      expect(printJson(parse(text), style({ numbers: 'js', strings: 'minimal' })).text).toBe(JSON.stringify(value));
      for (const indent of ['  ', '    ', '\t']) {
        expect(
          printJson(parse(text), style({ layout: 'pretty', indent, numbers: 'js', strings: 'minimal' })).text,
        ).toBe(JSON.stringify(value, null, indent));
      }
    }
  });

  it('keeps number and escape lexemes as written unless asked', () => {
    const text = '{"a":1000.0,"b":"Caf\\u00e9","c":1e3}';
    expect(printJson(parse(text), style({})).text).toBe(text);
    const js = printJson(parse(text), style({ numbers: 'js', strings: 'minimal' }));
    expect(js.text).toBe('{"a":1000,"b":"Café","c":1000}');
    expect(js).toMatchObject({ numbersRewritten: 2, stringsRewritten: 1 });
    expect(printJson(parse('{"n":"é"}'), style({ strings: 'ascii-upper' })).text).toBe('{"n":"\\u00E9"}');
    expect(printJson(parse('{"n":5}'), style({ numbers: 'double' })).text).toBe('{"n":5.0}');
  });

  it("prints Jackson's DefaultPrettyPrinter layout", () => {
    const text = '{"id":"x","list":[1,2],"empty":[],"obj":{},"vouchers":[{"a":1},{"b":2}]}';
    expect(printJson(parse(text), style({ layout: 'jackson', indent: '  ' })).text).toBe(
      '{\n  "id" : "x",\n  "list" : [ 1, 2 ],\n  "empty" : [ ],\n  "obj" : { },\n  "vouchers" : [ {\n    "a" : 1\n  }, {\n    "b" : 2\n  } ]\n}',
    );
  });

  it("prints Python's json.dumps default separators and sorts keys when asked", () => {
    const printed = printJson(parse('{"b":[1,2],"a":{"d":1,"c":2}}'), style({ layout: 'spaced', sortKeys: true }));
    expect(printed.text).toBe('{"a": {"c": 2, "d": 1}, "b": [1, 2]}');
    expect(printed.objectsReordered).toBe(2);
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

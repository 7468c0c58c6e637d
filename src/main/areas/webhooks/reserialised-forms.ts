import type { JsonNode } from './json-lossless.ts';
import {
  STRINGS_AS_WRITTEN,
  type JsonLayout,
  type JsonStyle,
  type NumberForm,
  type PrintStats,
  type StringForm,
} from './json-printer.ts';
import type { SortedKeys } from './key-order.ts';
import type { Steps } from './work-pacer.ts';

// Every way a serialiser (or Hubble's docs) could have written the same JSON, built from independent
// choices instead of a list of known serialisers: where the whitespace goes (one line or one member per line,
// the indent, the separators, arrays on one line), line endings, key order, how strings are escaped, how
// numbers are written, and a final newline. Each choice costs 0 for the common value and more for rarer ones;
// forms are tried cheapest first, so when the work budget ends the search, only unlikely combinations are
// left untried. Choices that cannot change this body (no non-ASCII text, keys already sorted…) are dropped.

/** What the body contains that some choice would rewrite. */
export interface JsonTraits {
  container: boolean;
  stringsChangeWhenRewritten: boolean;
  nonAscii: boolean;
  slashes: boolean;
  html: boolean;
  numbersChangeInJs: boolean;
  wholeNumbers: boolean;
  scalarArrays: boolean;
  arraysOrEmpty: boolean;
  keysOutOfOrder: boolean;
  /** JSON.parse keeps this body's keys as written: no duplicates, no array-index keys, no __proto__. */
  keysSurviveJsParse: boolean;
}

const VALUES_PER_STEP = 4096;
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

export function* jsonTraitsSteps(root: JsonNode, sortedKeys: SortedKeys): Steps<JsonTraits> {
  const traits: JsonTraits = {
    container: (root.kind === 'object' && root.entries.length > 0) || (root.kind === 'array' && root.items.length > 0),
    stringsChangeWhenRewritten: false,
    nonAscii: false,
    slashes: false,
    html: false,
    numbersChangeInJs: false,
    wholeNumbers: false,
    scalarArrays: false,
    arraysOrEmpty: false,
    keysOutOfOrder: sortedKeys.size > 0,
    keysSurviveJsParse: true,
  };
  const pending: JsonNode[] = [root];
  let values = 0;
  const seeString = (value: string, raw: string) => {
    if (!traits.stringsChangeWhenRewritten && JSON.stringify(value) !== raw) traits.stringsChangeWhenRewritten = true;
    if (!traits.nonAscii && /[^\0-\x7f]/.test(value)) traits.nonAscii = true;
    if (!traits.slashes && value.includes('/')) traits.slashes = true;
    if (!traits.html && /[<>&]/.test(value)) traits.html = true;
  };
  while (pending.length > 0) {
    values += 1;
    if (values % VALUES_PER_STEP === 0) yield;
    const node = pending.pop()!;
    switch (node.kind) {
      case 'string':
        seeString(node.value, node.raw);
        break;
      case 'number':
        if (JSON.stringify(Number(node.raw)) !== node.raw) traits.numbersChangeInJs = true;
        if (/^-?\d+$/.test(node.raw)) traits.wholeNumbers = true;
        break;
      case 'literal':
        break;
      case 'array':
        if (node.items.length === 0) traits.arraysOrEmpty = true;
        else {
          traits.arraysOrEmpty = true;
          if (!traits.scalarArrays && node.items.every((item) => item.kind !== 'object' && item.kind !== 'array'))
            traits.scalarArrays = true;
        }
        for (const item of node.items) pending.push(item);
        break;
      case 'object': {
        if (node.entries.length === 0) traits.arraysOrEmpty = true;
        const keys = new Set<string>();
        for (const entry of node.entries) {
          values += 1;
          if (values % VALUES_PER_STEP === 0) yield;
          seeString(entry.key.value, entry.key.raw);
          if (keys.has(entry.key.value) || INDEX_KEY.test(entry.key.value) || entry.key.value === '__proto__')
            traits.keysSurviveJsParse = false;
          keys.add(entry.key.value);
          pending.push(entry.value);
        }
        break;
      }
    }
  }
  return traits;
}

export type Trailing = '' | '\n' | '\r\n';

export interface ReserialisedForm {
  style: JsonStyle;
  /** Final newlines to try after this text, cheapest first. */
  trailings: Trailing[];
  cost: number;
}

type Choice<T> = [T, number];

function layoutChoices(traits: JsonTraits): Array<Choice<JsonLayout>> {
  const compact: JsonLayout = { indent: null, colon: ':', comma: ',', arrays: 'broken', newline: '\n' };
  if (!traits.container) return [[compact, 0]];
  const layouts: Array<Choice<JsonLayout>> = [];
  const indents: Array<Choice<string | null>> = [
    [null, 0],
    ['  ', 1],
    ['', 1],
    ['    ', 2],
    ['\t', 2],
  ];
  for (const [indent, indentCost] of indents) {
    if (indent === null) {
      const colons: Array<Choice<JsonLayout['colon']>> = [
        [':', 0],
        [': ', 1],
        [' : ', 3],
      ];
      for (const [colon, colonCost] of colons)
        for (const [comma, commaCost] of [
          [',', 0],
          [', ', 1],
        ] as Array<Choice<JsonLayout['comma']>>)
          layouts.push([{ ...compact, colon, comma }, indentCost + colonCost + commaCost]);
      continue;
    }
    const colons: Array<Choice<JsonLayout['colon']>> = [
      [': ', 0],
      [' : ', 1],
      [':', 2],
    ];
    const arrays: Array<Choice<JsonLayout['arrays']>> = [['broken', 0]];
    if (traits.scalarArrays) arrays.push(['inline', 1]);
    if (traits.arraysOrEmpty) arrays.push(['jackson', 1]);
    for (const [newline, newlineCost] of [
      ['\n', 0],
      ['\r\n', 2],
    ] as Array<Choice<JsonLayout['newline']>>)
      for (const [colon, colonCost] of colons)
        for (const [arrayLayout, arraysCost] of arrays) {
          const commas: Array<Choice<JsonLayout['comma']>> =
            arrayLayout === 'inline'
              ? [
                  [', ', 0],
                  [',', 1],
                ]
              : [[',', 0]];
          for (const [comma, commaCost] of commas)
            layouts.push([
              { indent, colon, comma, arrays: arrayLayout, newline },
              indentCost + newlineCost + colonCost + arraysCost + commaCost,
            ]);
        }
  }
  return layouts;
}

function stringChoices(traits: JsonTraits): Array<Choice<StringForm>> {
  const forms: Array<Choice<StringForm>> = [[STRINGS_AS_WRITTEN, 0]];
  const unicodes: Array<Choice<StringForm['unicode']>> = [['literal', 0]];
  if (traits.nonAscii) unicodes.push(['lower', 1], ['upper', 2]);
  for (const [unicode, unicodeCost] of unicodes)
    for (const slashes of traits.slashes ? [false, true] : [false])
      for (const html of traits.html ? [false, true] : [false]) {
        const plain = unicode === 'literal' && !slashes && !html;
        if (plain && !traits.stringsChangeWhenRewritten) continue;
        forms.push([{ asWritten: false, unicode, slashes, html }, 1 + unicodeCost + Number(slashes) + Number(html)]);
      }
  return forms;
}

function numberChoices(traits: JsonTraits): Array<Choice<NumberForm>> {
  const forms: Array<Choice<NumberForm>> = [['raw', 0]];
  if (traits.numbersChangeInJs) forms.push(['js', 1]);
  if (traits.wholeNumbers) forms.push(['double', 1]);
  return forms;
}

/** Every combination of the choices that can change this body, cheapest (likeliest) first. */
export function reserialisedForms(traits: JsonTraits): ReserialisedForm[] {
  const forms: ReserialisedForm[] = [];
  const sortChoices: Array<Choice<boolean>> = traits.keysOutOfOrder
    ? [
        [false, 0],
        [true, 1],
      ]
    : [[false, 0]];
  for (const [layout, layoutCost] of layoutChoices(traits))
    for (const [sortKeys, sortCost] of sortChoices)
      for (const [strings, stringsCost] of stringChoices(traits))
        for (const [numbers, numbersCost] of numberChoices(traits)) {
          const trailings: Trailing[] = layout.indent === null ? ['', '\n', '\r\n'] : ['', layout.newline];
          forms.push({
            style: { layout, sortKeys, strings, numbers },
            trailings,
            cost: layoutCost + sortCost + stringsCost + numbersCost,
          });
        }
  // Array.prototype.sort is stable: equal costs keep the order above (likeliest value of each choice first).
  return forms.sort((a, b) => a.cost - b.cost);
}

/** Whether this form is exactly JSON.stringify(JSON.parse(body)), told from the choices instead of a second parse. */
export function isJsRoundTrip(style: JsonStyle, trailing: Trailing, traits: JsonTraits, stats: PrintStats): boolean {
  const { layout, strings, numbers } = style;
  const compact = layout.indent === null && layout.colon === ':' && layout.comma === ',';
  const stringsLikeJs = strings.asWritten
    ? !traits.stringsChangeWhenRewritten
    : strings.unicode === 'literal' && !strings.slashes && !strings.html;
  const numbersLikeJs = numbers === 'js' || (numbers === 'raw' && !traits.numbersChangeInJs);
  return (
    compact &&
    trailing === '' &&
    stats.objectsReordered === 0 &&
    stringsLikeJs &&
    numbersLikeJs &&
    traits.keysSurviveJsParse
  );
}

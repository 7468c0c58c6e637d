import type { JsonArray, JsonNode, JsonObject, JsonString } from './json-lossless.ts';
import type { SortedKeys } from './key-order.ts';
import { runSteps, type Steps } from './work-pacer.ts';

/**
 * Where a serialiser puts whitespace, as independent choices. `indent: null` writes everything on one line
 * (JSON.stringify, Jackson, Gson, Go, PHP: compact; Python: `", "`/`": "`); a string writes one member per line
 * indented by it per level (`''`: not indented, as Hubble's docs print payloads).
 */
export interface JsonLayout {
  indent: string | null;
  /** After a key: `:` compact, `: ` most pretty printers, ` : ` Jackson's DefaultPrettyPrinter. */
  colon: ':' | ': ' | ' : ';
  /** Between members on one line, and between the values of an array kept on one line. */
  comma: ',' | ', ';
  /**
   * Multi-line layouts only. `broken`: one value per line; `inline`: arrays of scalars on one line
   * (`[100, 1000]`, Hubble's docs); `jackson`: every array on one line as `[ a, b ]`, empty ones `[ ]`/`{ }`.
   */
  arrays: 'broken' | 'inline' | 'jackson';
  newline: '\n' | '\r\n';
}

/**
 * `asWritten` keeps each string's lexeme; otherwise strings are written the way JSON.stringify does, then
 * non-ASCII escaped as \uxxxx (Python ensure_ascii, PHP) or \uXXXX (Jackson ESCAPE_NON_ASCII), `/` as `\/`
 * (PHP) and `<`, `>`, `&`, U+2028/9 as \u003c… (Go's HTML-safe encoder).
 */
export interface StringForm {
  asWritten: boolean;
  unicode: 'literal' | 'lower' | 'upper';
  slashes: boolean;
  html: boolean;
}
export type NumberForm = 'raw' | 'js' | 'double';

export interface JsonStyle {
  layout: JsonLayout;
  sortKeys: boolean;
  strings: StringForm;
  numbers: NumberForm;
}

export interface PrintStats {
  stringsRewritten: number;
  numbersRewritten: number;
  objectsReordered: number;
}
export interface PrintedJson extends PrintStats {
  text: string;
}

export const STRINGS_AS_WRITTEN: StringForm = { asWritten: true, unicode: 'literal', slashes: false, html: false };
export const STRINGS_LIKE_JSON_STRINGIFY: StringForm = {
  asWritten: false,
  unicode: 'literal',
  slashes: false,
  html: false,
};

/** Values printed between two pauses. */
const VALUES_PER_STEP = 2048;
/** Strings longer than this are escaped in pieces, with pauses in between. */
const LONG_STRING = 64 * 1024;
const PIECE = 32 * 1024;

const hex4 = (code: number, upper: boolean) => {
  const hex = code.toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
};

/** The inside of a JSON string literal (no quotes) for `value`, in the given form. */
function escapeValue(value: string, form: StringForm): string {
  let out = JSON.stringify(value).slice(1, -1);
  if (form.unicode !== 'literal') {
    const upper = form.unicode === 'upper';
    out = out.replace(/[\u0080-\uffff]/g, (char) => hex4(char.charCodeAt(0), upper));
  }
  // JSON.stringify never writes `/` inside an escape, so every `/` here is a literal slash.
  if (form.slashes) out = out.replaceAll('/', '\\/');
  if (form.html) out = out.replace(/[<>&\u2028\u2029]/g, (char) => hex4(char.charCodeAt(0), false));
  return out;
}

function* printStringSteps(node: JsonString, form: StringForm): Steps<string> {
  if (form.asWritten) return node.raw;
  if (node.value.length <= LONG_STRING) return `"${escapeValue(node.value, form)}"`;
  let out = '"';
  for (let at = 0; at < node.value.length;) {
    let end = Math.min(at + PIECE, node.value.length);
    // Never split a surrogate pair: JSON.stringify would escape each half on its own.
    const last = node.value.charCodeAt(end - 1);
    if (end < node.value.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out += escapeValue(node.value.slice(at, end), form);
    at = end;
    yield;
  }
  return `${out}"`;
}

function printNumber(raw: string, form: NumberForm): string {
  if (form === 'raw') return raw;
  if (form === 'js') return JSON.stringify(Number(raw));
  // Jackson writes a Kotlin/Java Double that holds a whole number as 1000.0.
  return /^-?\d+$/.test(raw) ? `${raw}.0` : raw;
}

const isScalar = (node: JsonNode) => node.kind !== 'object' && node.kind !== 'array';

type Frame =
  | { kind: 'object'; entries: JsonObject['entries']; next: number; level: number; broken: boolean }
  | { kind: 'array'; items: JsonArray['items']; next: number; level: number; mode: 'one-line' | 'broken' | 'jackson' };

/**
 * The JSON tree printed in a style, in steps: iterative (no recursion) and pausing every few thousand values
 * and inside long strings. `sortedKeys` comes from `sortedKeysSteps` and is only read when `style.sortKeys`.
 */
export function* printJsonSteps(root: JsonNode, style: JsonStyle, sortedKeys?: SortedKeys): Steps<PrintedJson> {
  const stats: PrintStats = { stringsRewritten: 0, numbersRewritten: 0, objectsReordered: 0 };
  const { layout } = style;
  const multiline = layout.indent !== null;
  const indents: string[] = [''];
  const indent = (level: number) => (indents[level] ??= (layout.indent ?? '').repeat(level));
  const stack: Frame[] = [];
  let out = '';

  const counted = (node: JsonString, printed: string) => {
    if (printed !== node.raw) stats.stringsRewritten += 1;
    return printed;
  };
  const isLong = (node: JsonString) => !style.strings.asWritten && node.value.length > LONG_STRING;
  const printString = function* (node: JsonString): Steps<string> {
    return counted(node, yield* printStringSteps(node, style.strings));
  };
  const printShortString = (node: JsonString) =>
    counted(node, style.strings.asWritten ? node.raw : `"${escapeValue(node.value, style.strings)}"`);

  // Everything but a long string is printed (or opened) at once; containers continue in the loop below.
  const open = (node: JsonNode, level: number): void => {
    switch (node.kind) {
      case 'string':
        out += printShortString(node);
        return;
      case 'number': {
        const printed = printNumber(node.raw, style.numbers);
        if (printed !== node.raw) stats.numbersRewritten += 1;
        out += printed;
        return;
      }
      case 'literal':
        out += node.raw;
        return;
      case 'object': {
        if (node.entries.length === 0) {
          out += multiline && layout.arrays === 'jackson' ? '{ }' : '{}';
          return;
        }
        let entries = node.entries;
        const sorted = style.sortKeys ? sortedKeys?.get(node) : undefined;
        if (sorted) {
          entries = sorted;
          stats.objectsReordered += 1;
        }
        out += '{';
        stack.push({ kind: 'object', entries, next: 0, level, broken: multiline });
        return;
      }
      case 'array': {
        if (node.items.length === 0) {
          out += multiline && layout.arrays === 'jackson' ? '[ ]' : '[]';
          return;
        }
        const mode = !multiline
          ? 'one-line'
          : layout.arrays === 'jackson'
            ? 'jackson'
            : layout.arrays === 'inline' && node.items.every(isScalar)
              ? 'one-line'
              : 'broken';
        out += mode === 'jackson' ? '[ ' : '[';
        stack.push({ kind: 'array', items: node.items, next: 0, level, mode });
        return;
      }
    }
  };
  const openAny = function* (node: JsonNode, level: number): Steps<void> {
    if (node.kind === 'string' && isLong(node)) out += yield* printString(node);
    else open(node, level);
  };

  yield* openAny(root, 0);
  let values = 0;
  while (stack.length > 0) {
    values += 1;
    if (values % VALUES_PER_STEP === 0) yield;
    const frame = stack.at(-1)!;
    const broken = frame.kind === 'object' ? frame.broken : frame.mode === 'broken';
    const count = frame.kind === 'object' ? frame.entries.length : frame.items.length;
    if (frame.next === count) {
      stack.pop();
      const close = frame.kind === 'object' ? '}' : ']';
      if (broken) out += layout.newline + indent(frame.level) + close;
      else out += frame.kind === 'array' && frame.mode === 'jackson' ? ' ]' : close;
      continue;
    }
    if (broken) out += (frame.next === 0 ? '' : ',') + layout.newline + indent(frame.level + 1);
    else if (frame.next > 0) out += frame.kind === 'array' && frame.mode === 'jackson' ? ', ' : layout.comma;
    let child: JsonNode;
    if (frame.kind === 'object') {
      const entry = frame.entries[frame.next]!;
      out += (isLong(entry.key) ? yield* printString(entry.key) : printShortString(entry.key)) + layout.colon;
      child = entry.value;
    } else child = frame.items[frame.next]!;
    frame.next += 1;
    // Jackson keeps an object inside an array at the array's own level: `[ {\n    "a" : 1\n  } ]`.
    const level = broken ? frame.level + 1 : frame.level;
    if (child.kind === 'string' && isLong(child)) out += yield* printString(child);
    else open(child, level);
  }
  return { text: out, ...stats };
}

export const printJson = (root: JsonNode, style: JsonStyle, sortedKeys?: SortedKeys): PrintedJson =>
  runSteps(printJsonSteps(root, style, sortedKeys));

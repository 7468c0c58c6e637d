import type { JsonNode, JsonString } from './json-lossless.ts';

/**
 * How a server or framework lays JSON out. `pretty` is JSON.stringify(x, null, indent) (also Gson, serde);
 * `pretty-inline` keeps arrays of scalars on one line (Hubble's docs); `jackson` is Jackson's
 * DefaultPrettyPrinter (`"key" : value`, `[ 1, 2 ]`), likely on a Kotlin server; `spaced` is Python's
 * json.dumps default (`", "` and `": "`).
 */
export type JsonLayout = 'compact' | 'spaced' | 'pretty' | 'pretty-inline' | 'jackson';
export type StringForm = 'raw' | 'minimal' | 'ascii-lower' | 'ascii-upper';
export type NumberForm = 'raw' | 'js' | 'double';

export interface JsonStyle {
  layout: JsonLayout;
  indent: string;
  sortKeys: boolean;
  strings: StringForm;
  numbers: NumberForm;
}

export interface PrintedJson {
  text: string;
  stringsRewritten: number;
  numbersRewritten: number;
  objectsReordered: number;
}

const hex4 = (code: number, upper: boolean) => {
  const hex = code.toString(16).padStart(4, '0');
  return `\\u${upper ? hex.toUpperCase() : hex}`;
};

function printString(node: JsonString, form: StringForm): string {
  if (form === 'raw') return node.raw;
  const minimal = JSON.stringify(node.value);
  if (form === 'minimal') return minimal;
  const upper = form === 'ascii-upper';
  return minimal.replace(/[\u0080-\uffff]/g, (char) => hex4(char.charCodeAt(0), upper));
}

function printNumber(raw: string, form: NumberForm): string {
  if (form === 'raw') return raw;
  if (form === 'js') return JSON.stringify(Number(raw));
  // Jackson writes a Kotlin/Java Double that holds a whole number as 1000.0.
  return /^-?\d+$/.test(raw) ? `${raw}.0` : raw;
}

const isScalar = (node: JsonNode) => node.kind !== 'object' && node.kind !== 'array';

export function printJson(root: JsonNode, style: JsonStyle): PrintedJson {
  const stats = { stringsRewritten: 0, numbersRewritten: 0, objectsReordered: 0 };
  const { layout, indent } = style;
  const multiline = layout === 'pretty' || layout === 'pretty-inline' || layout === 'jackson';
  const colon = layout === 'compact' ? ':' : layout === 'jackson' ? ' : ' : ': ';
  const comma = layout === 'spaced' ? ', ' : ',';

  const str = (node: JsonString) => {
    const out = printString(node, style.strings);
    if (out !== node.raw) stats.stringsRewritten += 1;
    return out;
  };

  // `level` counts indentation steps; Jackson indents objects only (its arrays use an inline indenter).
  const print = (node: JsonNode, level: number): string => {
    switch (node.kind) {
      case 'string':
        return str(node);
      case 'number': {
        const out = printNumber(node.raw, style.numbers);
        if (out !== node.raw) stats.numbersRewritten += 1;
        return out;
      }
      case 'literal':
        return node.raw;
      case 'array': {
        if (node.items.length === 0) return layout === 'jackson' ? '[ ]' : '[]';
        if (layout === 'jackson') return `[ ${node.items.map((item) => print(item, level)).join(', ')} ]`;
        if (!multiline || (layout === 'pretty-inline' && node.items.every(isScalar))) {
          const separator = layout === 'pretty-inline' ? ', ' : comma;
          return `[${node.items.map((item) => print(item, level)).join(separator)}]`;
        }
        const inner = indent.repeat(level + 1);
        return `[\n${node.items.map((item) => inner + print(item, level + 1)).join(',\n')}\n${indent.repeat(level)}]`;
      }
      case 'object': {
        let entries = node.entries;
        if (style.sortKeys) {
          entries = [...entries].sort((a, b) => (a.key.value < b.key.value ? -1 : a.key.value > b.key.value ? 1 : 0));
          if (entries.some((entry, index) => entry !== node.entries[index])) stats.objectsReordered += 1;
        }
        if (entries.length === 0) return layout === 'jackson' ? '{ }' : '{}';
        if (!multiline)
          return `{${entries.map((entry) => str(entry.key) + colon + print(entry.value, level)).join(comma)}}`;
        const inner = indent.repeat(level + 1);
        const body = entries.map((entry) => inner + str(entry.key) + colon + print(entry.value, level + 1)).join(',\n');
        return `{\n${body}\n${indent.repeat(level)}}`;
      }
    }
  };

  const text = print(root, 0);
  return { text, ...stats };
}

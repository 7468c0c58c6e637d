import { parseJsonLossless, type JsonNode } from './json-lossless.ts';
import {
  printJson,
  type JsonLayout,
  type JsonStyle,
  type NumberForm,
  type PrintedJson,
  type StringForm,
} from './json-printer.ts';
import { parsedObjectStrings, type ParsedObjectForm } from './parsed-object-strings.ts';

// Candidate forms of the body that Hubble may have signed, each with the list of changes that lead from the
// body as given to it. `yours: true` means the body as given has the thing the signed form lacks.

export type BodyChange =
  | { kind: 'bom'; yours: boolean }
  | { kind: 'trailing-newline'; yours: boolean; sequence: '\n' | '\r\n' }
  | { kind: 'line-endings'; signed: 'LF' | 'CRLF'; lines: number }
  | { kind: 'reserialised'; style: JsonStyle; stats: Omit<PrintedJson, 'text'>; jsRoundTrip: boolean }
  | { kind: 'parsed-object'; form: ParsedObjectForm };

export interface BodyVariant {
  bytes: Buffer;
  changes: BodyChange[];
}

const BOM = '\xEF\xBB\xBF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** BOM, trailing newline and line-ending changes and their combinations, fewest changes first. */
export function rawTransforms(body: Buffer): BodyVariant[] {
  const text = body.toString('latin1');
  const hasBom = text.startsWith(BOM);
  const content = hasBom ? text.slice(BOM.length) : text;
  const lineEndings: Array<{ text: string; change: BodyChange | null }> = [{ text: content, change: null }];
  const crlfCount = content.split('\r\n').length - 1;
  const bareLfCount = (content.match(/(?<!\r)\n/g) ?? []).length;
  if (crlfCount > 0)
    lineEndings.push({
      text: content.replaceAll('\r\n', '\n'),
      change: { kind: 'line-endings', signed: 'LF', lines: crlfCount },
    });
  if (bareLfCount > 0)
    lineEndings.push({
      text: content.replace(/(?<!\r)\n/g, '\r\n'),
      change: { kind: 'line-endings', signed: 'CRLF', lines: bareLfCount },
    });

  const variants: BodyVariant[] = [];
  for (const ending of lineEndings) {
    const trailing: Array<{ text: string; change: BodyChange | null }> = [{ text: ending.text, change: null }];
    if (ending.text.endsWith('\r\n'))
      trailing.push({
        text: ending.text.slice(0, -2),
        change: { kind: 'trailing-newline', yours: true, sequence: '\r\n' },
      });
    else if (ending.text.endsWith('\n'))
      trailing.push({
        text: ending.text.slice(0, -1),
        change: { kind: 'trailing-newline', yours: true, sequence: '\n' },
      });
    else {
      trailing.push({ text: `${ending.text}\n`, change: { kind: 'trailing-newline', yours: false, sequence: '\n' } });
      trailing.push({
        text: `${ending.text}\r\n`,
        change: { kind: 'trailing-newline', yours: false, sequence: '\r\n' },
      });
    }
    for (const tail of trailing) {
      for (const bom of [hasBom, !hasBom]) {
        const changes = [
          ending.change,
          tail.change,
          bom === hasBom ? null : ({ kind: 'bom', yours: hasBom } as BodyChange),
        ].filter((change): change is BodyChange => change !== null);
        if (changes.length === 0) continue;
        variants.push({ bytes: Buffer.from((bom ? BOM : '') + tail.text, 'latin1'), changes });
      }
    }
  }
  return variants.sort((a, b) => a.changes.length - b.changes.length);
}

export interface ParsedBody {
  text: string;
  root: JsonNode;
  hadBom: boolean;
}

/** The body as JSON text, when it is valid UTF-8 JSON (a leading BOM tolerated). */
export function parseBody(body: Buffer): ParsedBody | null {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return null;
  }
  const hadBom = text.startsWith('\uFEFF');
  if (hadBom) text = text.slice(1);
  const root = parseJsonLossless(text);
  return root ? { text, root, hadBom } : null;
}

// Most likely first: compact (Jackson/Gson default, JSON.stringify), the docs' layout, JSON.stringify(x, null, 2), Jackson pretty.
const LAYOUTS: Array<[JsonLayout, string]> = [
  ['compact', ''],
  ['pretty', '  '],
  ['pretty-inline', '  '],
  ['jackson', '  '],
  ['spaced', ''],
  ['pretty', '    '],
  ['pretty', '\t'],
  ['pretty-inline', '    '],
];

/** Re-serialisations of the JSON body: layouts × key order × string escapes × number forms, each ± a final newline. */
export function reserialisedVariants(parsed: ParsedBody): BodyVariant[] {
  const large = parsed.text.length > 64 * 1024;
  const stringForms: StringForm[] = large ? ['raw', 'minimal'] : ['raw', 'minimal', 'ascii-lower', 'ascii-upper'];
  const numberForms: NumberForm[] = large ? ['raw', 'js'] : ['raw', 'js', 'double'];
  let jsRoundTrip: string | null;
  try {
    jsRoundTrip = JSON.stringify(JSON.parse(parsed.text));
  } catch {
    jsRoundTrip = null;
  }
  const seen = new Set<string>([parsed.text]);
  const variants: BodyVariant[] = [];
  const bomChange: BodyChange[] = parsed.hadBom ? [{ kind: 'bom', yours: true }] : [];
  for (const numbers of numberForms) {
    for (const strings of stringForms) {
      for (const sortKeys of [false, true]) {
        for (const [layout, indent] of LAYOUTS) {
          const style: JsonStyle = { layout, indent, sortKeys, strings, numbers };
          const { text, ...stats } = printJson(parsed.root, style);
          if (sortKeys && stats.objectsReordered === 0) continue;
          if (strings !== 'raw' && stats.stringsRewritten === 0) continue;
          if (numbers !== 'raw' && stats.numbersRewritten === 0) continue;
          for (const newline of [false, true]) {
            const candidate = newline ? `${text}\n` : text;
            if (seen.has(candidate)) continue;
            seen.add(candidate);
            const change: BodyChange = { kind: 'reserialised', style, stats, jsRoundTrip: candidate === jsRoundTrip };
            const tail: BodyChange[] = newline ? [{ kind: 'trailing-newline', yours: false, sequence: '\n' }] : [];
            variants.push({ bytes: Buffer.from(candidate, 'utf8'), changes: [change, ...tail, ...bomChange] });
          }
        }
      }
    }
  }
  return variants;
}

export function parsedObjectVariants(parsed: ParsedBody): BodyVariant[] {
  return parsedObjectStrings(parsed.root).map(({ form, text }) => ({
    bytes: Buffer.from(text, 'utf8'),
    changes: [{ kind: 'parsed-object', form }],
  }));
}

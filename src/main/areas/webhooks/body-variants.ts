import { parseJsonLosslessSteps, type JsonNode } from './json-lossless.ts';
import { printJsonSteps, type JsonStyle, type PrintStats } from './json-printer.ts';
import { sortedKeysSteps, type SortedKeys } from './key-order.ts';
import { parsedObjectStrings, type ParsedObjectForm } from './parsed-object-strings.ts';
import { isJsRoundTrip, jsonTraitsSteps, reserialisedForms, type JsonTraits } from './reserialised-forms.ts';
import type { Steps, WorkPacer } from './work-pacer.ts';

// Candidate forms of the body that Hubble may have signed, each with the list of changes that lead from the
// body as given to it. `yours: true` means the body as given has the thing the signed form lacks.

export type BodyChange =
  | { kind: 'bom'; yours: boolean }
  | { kind: 'trailing-newline'; yours: boolean; sequence: '\n' | '\r\n' }
  | { kind: 'line-endings'; signed: 'LF' | 'CRLF'; lines: number }
  | { kind: 'reserialised'; style: JsonStyle; stats: PrintStats; jsRoundTrip: boolean }
  | { kind: 'parsed-object'; form: ParsedObjectForm };

export interface BodyVariant {
  bytes: Buffer;
  changes: BodyChange[];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CR = 0x0d;
const LF = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Line endings converted byte by byte: one pass, no intermediate strings, even for a million newlines. */
function convertLineEndings(content: Buffer, to: 'LF' | 'CRLF', bareLfCount: number, crlfCount: number): Buffer {
  const out = Buffer.allocUnsafe(to === 'LF' ? content.length - crlfCount : content.length + bareLfCount);
  let written = 0;
  for (let at = 0; at < content.length; at += 1) {
    const byte = content[at]!;
    if (to === 'LF' && byte === CR && content[at + 1] === LF) continue;
    if (to === 'CRLF' && byte === LF && (at === 0 || content[at - 1] !== CR)) out[written++] = CR;
    out[written++] = byte;
  }
  return out;
}

interface RawPlan {
  lineEndings: 'as-is' | 'LF' | 'CRLF';
  trailing: 'as-is' | 'strip' | '\n' | '\r\n';
  bom: boolean;
  changes: BodyChange[];
}

/**
 * BOM, trailing newline and line-ending changes and their combinations, fewest changes first. Each form is
 * built only when the caller asks for it, so a caller can pause between two 1 MiB forms.
 */
export function* rawTransforms(body: Buffer): Generator<BodyVariant> {
  const hasBom = body.subarray(0, 3).equals(BOM);
  const content = hasBom ? body.subarray(3) : body;
  let crlfCount = 0;
  let lfCount = 0;
  for (let at = 0; at < content.length; at += 1) {
    if (content[at] !== LF) continue;
    lfCount += 1;
    if (at > 0 && content[at - 1] === CR) crlfCount += 1;
  }
  const bareLfCount = lfCount - crlfCount;
  const last = content.at(-1);
  const endsWithCrlf = last === LF && content.at(-2) === CR;

  const endings: Array<{ lineEndings: RawPlan['lineEndings']; change: BodyChange | null; ends: 'crlf' | 'lf' | null }> =
    [{ lineEndings: 'as-is', change: null, ends: endsWithCrlf ? 'crlf' : last === LF ? 'lf' : null }];
  if (crlfCount > 0)
    endings.push({
      lineEndings: 'LF',
      change: { kind: 'line-endings', signed: 'LF', lines: crlfCount },
      ends: last === LF ? 'lf' : null,
    });
  if (bareLfCount > 0)
    endings.push({
      lineEndings: 'CRLF',
      change: { kind: 'line-endings', signed: 'CRLF', lines: bareLfCount },
      ends: last === LF ? 'crlf' : null,
    });

  const plans: RawPlan[] = [];
  for (const ending of endings) {
    const tails: Array<{ trailing: RawPlan['trailing']; change: BodyChange | null }> = [
      { trailing: 'as-is', change: null },
    ];
    if (ending.ends === 'crlf')
      tails.push({ trailing: 'strip', change: { kind: 'trailing-newline', yours: true, sequence: '\r\n' } });
    else if (ending.ends === 'lf')
      tails.push({ trailing: 'strip', change: { kind: 'trailing-newline', yours: true, sequence: '\n' } });
    else {
      tails.push({ trailing: '\n', change: { kind: 'trailing-newline', yours: false, sequence: '\n' } });
      tails.push({ trailing: '\r\n', change: { kind: 'trailing-newline', yours: false, sequence: '\r\n' } });
    }
    for (const tail of tails)
      for (const bom of [hasBom, !hasBom]) {
        const changes = [
          ending.change,
          tail.change,
          bom === hasBom ? null : ({ kind: 'bom', yours: hasBom } as BodyChange),
        ].filter((change): change is BodyChange => change !== null);
        if (changes.length > 0) plans.push({ lineEndings: ending.lineEndings, trailing: tail.trailing, bom, changes });
      }
  }
  plans.sort((a, b) => a.changes.length - b.changes.length);

  for (const plan of plans) {
    let out =
      plan.lineEndings === 'as-is' ? content : convertLineEndings(content, plan.lineEndings, bareLfCount, crlfCount);
    if (plan.trailing === 'strip') out = out.subarray(0, out.at(-2) === CR ? -2 : -1);
    const parts = [
      plan.bom ? BOM : null,
      out,
      plan.trailing === 'as-is' || plan.trailing === 'strip' ? null : Buffer.from(plan.trailing, 'latin1'),
    ];
    yield { bytes: Buffer.concat(parts.filter((part): part is Buffer => part !== null)), changes: plan.changes };
  }
}

export interface ParsedBody {
  text: string;
  root: JsonNode;
  hadBom: boolean;
  sortedKeys: SortedKeys;
  traits: JsonTraits;
}

/** The body as JSON, when it is valid UTF-8 JSON (a leading BOM tolerated), with what re-serialising needs. */
export function* parseBodySteps(body: Buffer): Steps<ParsedBody | null> {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return null;
  }
  const hadBom = text.startsWith('\uFEFF');
  if (hadBom) text = text.slice(1);
  const root = yield* parseJsonLosslessSteps(text);
  if (!root) return null;
  const sortedKeys = yield* sortedKeysSteps(root);
  const traits = yield* jsonTraitsSteps(root, sortedKeys);
  return { text, root, hadBom, sortedKeys, traits };
}

/**
 * Re-serialisations of the JSON body (see reserialised-forms.ts), cheapest first, each printed only when
 * asked for and charged to the pacer's budget; stops when the budget is spent.
 */
export async function* reserialisedVariants(parsed: ParsedBody, pacer: WorkPacer): AsyncGenerator<BodyVariant> {
  const bomChange: BodyChange[] = parsed.hadBom ? [{ kind: 'bom', yours: true }] : [];
  for (const form of reserialisedForms(parsed.traits)) {
    if (pacer.exhausted) return;
    const { text, ...stats } = await pacer.run(printJsonSteps(parsed.root, form.style, parsed.sortedKeys));
    const printed = Buffer.from(text, 'utf8');
    pacer.charge(printed.length);
    for (const trailing of form.trailings) {
      if (trailing === '' && text === parsed.text) continue;
      const change: BodyChange = {
        kind: 'reserialised',
        style: form.style,
        stats,
        jsRoundTrip: isJsRoundTrip(form.style, trailing, parsed.traits, stats),
      };
      const tail: BodyChange[] = trailing ? [{ kind: 'trailing-newline', yours: false, sequence: trailing }] : [];
      yield {
        bytes: trailing ? Buffer.concat([printed, Buffer.from(trailing, 'latin1')]) : printed,
        changes: [change, ...tail, ...bomChange],
      };
    }
  }
}

/** Python's str(dict) and Map.toString() walk the whole tree at once: only bodies of a real webhook's size. */
const PARSED_OBJECT_LIMIT = 64 * 1024;

export function parsedObjectVariants(parsed: ParsedBody): BodyVariant[] {
  return parsedObjectStrings(parsed.root, parsed.text.length <= PARSED_OBJECT_LIMIT).map(({ form, text }) => ({
    bytes: Buffer.from(text, 'utf8'),
    changes: [{ kind: 'parsed-object', form }],
  }));
}

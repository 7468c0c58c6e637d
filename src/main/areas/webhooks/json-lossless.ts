import { runSteps, type Steps } from './work-pacer.ts';

// A JSON reader that keeps every lexeme as written (number forms like 1000.0, string escapes like \u00e9, key
// order), so the debugger can re-lay-out a body in the ways servers and frameworks do and find the one whose
// signature verifies. JSON.parse would lose exactly the details that break signatures.

export type JsonString = { kind: 'string'; raw: string; value: string };
export type JsonObject = { kind: 'object'; entries: Array<{ key: JsonString; value: JsonNode }> };
export type JsonArray = { kind: 'array'; items: JsonNode[] };
export type JsonNode =
  | JsonObject
  | JsonArray
  | JsonString
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; raw: 'true' | 'false' | 'null' };

/** Hostile bodies can nest thousands deep; real webhooks nest three levels. */
const MAX_DEPTH = 128;
/** Values read between two pauses: a few hundred microseconds of work, so a 1 MiB body never holds main. */
const VALUES_PER_STEP = 1024;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {}

type Frame = { node: JsonObject; key: JsonString } | { node: JsonArray };

/**
 * The parser as steps: iterative (no recursion, so depth costs no stack) and yielding every few thousand
 * values, so a caller can give the event loop a turn in between. Returns null for anything that is not JSON.
 */
export function* parseJsonLosslessSteps(text: string): Steps<JsonNode | null> {
  let at = 0;
  const skipSpace = () => {
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      at += 1;
    }
  };
  const readString = (): JsonString => {
    const start = at;
    at += 1;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x5c) at += 2;
      else if (c === 0x22) {
        at += 1;
        const raw = text.slice(start, at);
        return { kind: 'string', raw, value: JSON.parse(raw) as string };
      } else at += 1;
    }
    throw new JsonSyntaxError('unterminated string');
  };
  const readKey = (): JsonString => {
    skipSpace();
    if (text[at] !== '"') throw new JsonSyntaxError('expected a key');
    const key = readString();
    skipSpace();
    if (text[at] !== ':') throw new JsonSyntaxError('expected :');
    at += 1;
    return key;
  };
  const readScalar = (): JsonNode => {
    if (text[at] === '"') return readString();
    for (const literal of ['true', 'false', 'null'] as const) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return { kind: 'literal', raw: literal };
      }
    }
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) throw new JsonSyntaxError('unexpected character');
    at += match[0].length;
    return { kind: 'number', raw: match[0] };
  };

  const stack: Frame[] = [];
  let values = 0;
  try {
    for (;;) {
      values += 1;
      if (values % VALUES_PER_STEP === 0) yield;
      skipSpace();
      let value: JsonNode;
      const c = text[at];
      if (c === '{' || c === '[') {
        at += 1;
        skipSpace();
        if (stack.length >= MAX_DEPTH) throw new JsonSyntaxError('too deep');
        if (c === '{') {
          const node: JsonObject = { kind: 'object', entries: [] };
          if (text[at] === '}') {
            at += 1;
            value = node;
          } else {
            stack.push({ node, key: readKey() });
            continue;
          }
        } else {
          const node: JsonArray = { kind: 'array', items: [] };
          if (text[at] === ']') {
            at += 1;
            value = node;
          } else {
            stack.push({ node });
            continue;
          }
        }
      } else value = readScalar();

      // Attach the value to its container; close every container that ends here.
      for (;;) {
        const top = stack.at(-1);
        if (!top) {
          skipSpace();
          return at === text.length ? value : null;
        }
        if ('key' in top) top.node.entries.push({ key: top.key, value });
        else top.node.items.push(value);
        skipSpace();
        if (text[at] === ',') {
          at += 1;
          if ('key' in top) top.key = readKey();
          break;
        }
        if (text[at] !== ('key' in top ? '}' : ']')) throw new JsonSyntaxError('expected , or a closing bracket');
        at += 1;
        stack.pop();
        value = top.node;
      }
    }
  } catch {
    return null;
  }
}

export const parseJsonLossless = (text: string): JsonNode | null => runSteps(parseJsonLosslessSteps(text));

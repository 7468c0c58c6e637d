// A JSON reader that keeps every lexeme as written (number forms like 1000.0, string escapes like \u00e9, key
// order), so the debugger can re-lay-out a body in the ways servers and frameworks do and find the one whose
// signature verifies. JSON.parse would lose exactly the details that break signatures.

export type JsonString = { kind: 'string'; raw: string; value: string };
export type JsonNode =
  | { kind: 'object'; entries: Array<{ key: JsonString; value: JsonNode }> }
  | { kind: 'array'; items: JsonNode[] }
  | JsonString
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; raw: 'true' | 'false' | 'null' };

/** Hostile bodies can nest thousands deep; real webhooks nest three levels. */
const MAX_DEPTH = 128;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntaxError extends Error {}

export function parseJsonLossless(text: string): JsonNode | null {
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
  const readValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError('too deep');
    skipSpace();
    const c = text[at];
    if (c === '{') {
      at += 1;
      const entries: Array<{ key: JsonString; value: JsonNode }> = [];
      skipSpace();
      if (text[at] === '}') {
        at += 1;
        return { kind: 'object', entries };
      }
      for (;;) {
        skipSpace();
        if (text[at] !== '"') throw new JsonSyntaxError('expected a key');
        const key = readString();
        skipSpace();
        if (text[at] !== ':') throw new JsonSyntaxError('expected :');
        at += 1;
        entries.push({ key, value: readValue(depth + 1) });
        skipSpace();
        if (text[at] === ',') at += 1;
        else if (text[at] === '}') {
          at += 1;
          return { kind: 'object', entries };
        } else throw new JsonSyntaxError('expected , or }');
      }
    }
    if (c === '[') {
      at += 1;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[at] === ']') {
        at += 1;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(readValue(depth + 1));
        skipSpace();
        if (text[at] === ',') at += 1;
        else if (text[at] === ']') {
          at += 1;
          return { kind: 'array', items };
        } else throw new JsonSyntaxError('expected , or ]');
      }
    }
    if (c === '"') return readString();
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
  try {
    const node = readValue(0);
    skipSpace();
    return at === text.length ? node : null;
  } catch {
    return null;
  }
}

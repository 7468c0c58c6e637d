import { REDACTED, redactText, redactValue, type RedactionContext } from '../../../shared/hubble/redact.ts';

/** A stored body never exceeds this: a full catalogue in every sync row would bloat the log for nothing. */
export const MAX_STORED_BODY_CHARS = 32 * 1024;

/**
 * Text read past the stored part before redacting a non-JSON body: a secret, a card number or a phone number cut
 * by the end of what was read is left partly unmasked, so that end must lie this far beyond what is kept.
 */
const TEXT_MARGIN_CHARS = 4 * 1024;

/**
 * Characters of the masks that have no length bound (a JWT, an e-mail address), and of what masking leaves in
 * them ("[redacted]", "j***@"): an unbroken run of these reaching the end of what was read may be such a value
 * cut in two, which no margin bounds.
 */
const TOKEN_CHARACTER = /[A-Za-z0-9._%+@~/=*[\]-]/;

/** Where the unbroken run of token characters that ends the text starts (its length when there is none). */
function trailingTokenRunStart(text: string): number {
  let start = text.length;
  while (start > 0 && TOKEN_CHARACTER.test(text[start - 1]!)) start -= 1;
  return start;
}

const truncationNote = (limit: number) => `\n…[truncated after ${limit.toLocaleString('en-US')} characters]`;

const cut = (text: string, limit: number) =>
  text.length <= limit ? text : `${text.slice(0, limit)}${truncationNote(limit)}`;

/** Thrown inside the writer once the output holds more than the stored part. */
const FULL = Symbol('full');

/**
 * JSON.stringify(redactValue(json)) written leaf by leaf, stopping once it is longer than `limit`: each leaf is
 * redacted whole before it is written (a secret is never split), and nothing past the stored part is read.
 */
function redactedJsonPrefix(json: unknown, context: RedactionContext, limit: number): string {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
    if (length > limit) throw FULL;
  };
  // redactValue's verdict on a key for a whole object or array: "[redacted]" for a secret key, a copy otherwise.
  const isSecretKey = (key: string) => key !== '' && redactValue({}, context, key) === REDACTED;

  /** An object or array, under the key that holds it (an array's items are redacted under the array's key). */
  const writeContainer = (value: object, key: string): void => {
    if (isSecretKey(key)) return write(JSON.stringify(REDACTED));
    if (Array.isArray(value)) {
      write('[');
      for (let index = 0; index < value.length; index += 1) {
        const item: unknown = value[index];
        if (index > 0) write(',');
        if (isContainer(item)) writeContainer(item, key);
        else {
          const leaf = redactValue(item, context, key);
          write(isWritable(leaf) ? JSON.stringify(leaf) : 'null');
        }
      }
      return write(']');
    }
    write('{');
    let separator = '';
    for (const [childKey, child] of Object.entries(value)) {
      if (isContainer(child)) {
        write(`${separator}${JSON.stringify(childKey)}:`);
        writeContainer(child, childKey);
      } else {
        const leaf = redactValue(child, context, childKey);
        if (!isWritable(leaf)) continue;
        write(`${separator}${JSON.stringify(childKey)}:${JSON.stringify(leaf)}`);
      }
      separator = ',';
    }
    write('}');
  };

  try {
    if (isContainer(json)) writeContainer(json, '');
    else write(JSON.stringify(redactValue(json, context)));
  } catch (error) {
    if (error !== FULL) throw error;
  }
  return parts.join('');
}

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

/** What JSON.stringify writes for an object property (it leaves out undefined, functions and symbols). */
const isWritable = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

/**
 * The first `limit` characters of redactText(text), reading only a bounded prefix when that is provably the same:
 * the prefix ends at least a margin beyond the kept part (after redaction, which can shorten text), and no
 * unbroken token run crosses from the kept part to the prefix's end. Otherwise the whole text is redacted.
 */
function redactedTextPrefix(text: string, context: RedactionContext, limit: number): string {
  const longestSecret = Math.max(0, ...(context.secrets ?? []).map((secret) => secret.length));
  const margin = Math.max(TEXT_MARGIN_CHARS, 4 * longestSecret);
  for (let end = limit + margin; end < text.length; end *= 2) {
    const redacted = redactText(text.slice(0, end), context);
    if (redacted.length < limit + margin) continue;
    if (trailingTokenRunStart(redacted) < limit) break;
    return redacted.slice(0, limit + 1);
  }
  return redactText(text, context);
}

/**
 * A request or response body as the call log stores it: redacted, then cut to `limit` characters. Only what can
 * end up in the stored part is redacted (a 250 KB catalogue page costs what its first 32 KB cost), and a secret
 * cut by the limit never shows a piece of itself.
 */
export function redactBody(
  json: unknown,
  text: string | null,
  context: RedactionContext,
  limit = MAX_STORED_BODY_CHARS,
): string | null {
  if (json !== undefined) return cut(redactedJsonPrefix(json, context, limit), limit);
  if (text === null || text === '') return text;
  return cut(redactedTextPrefix(text, context, limit), limit);
}

import fc from 'fast-check';

/**
 * What was sent, and what the sender could rightly expect. `mustRefuse` marks inputs built to be invalid on
 * purpose (an unknown key on an otherwise valid object): the router has to answer VALIDATION for them.
 */
export interface FuzzCase {
  readonly how: string;
  readonly input: unknown;
  readonly mustRefuse?: string;
}

const MAX_STRING = 80;
const MAX_ITEMS = 8;
const MAX_DEPTH = 6;

/** A short, printable rendering: megabyte strings and 10,000-level nesting must not flood (or overflow) a report. */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.slice(0, MAX_STRING));
    return value.length > MAX_STRING ? `${shown}…(${value.length.toLocaleString('en')} chars)` : shown;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' && typeof value !== 'function') return String(value);
  if (typeof value === 'function') return 'function';
  if (value === null) return 'null';
  if (depth >= MAX_DEPTH) return Array.isArray(value) ? '[…deeper]' : '{…deeper}';
  if (Array.isArray(value)) {
    const shown = Array.from({ length: Math.min(value.length, MAX_ITEMS) }, (_, index) =>
      index in value ? describeValue(value[index], depth + 1) : '<hole>',
    );
    if (value.length > MAX_ITEMS) shown.push(`…(${value.length.toLocaleString('en')} items)`);
    return `[${shown.join(', ')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype !== Object.prototype && prototype !== null) {
    const name = (prototype.constructor as { name?: string } | undefined)?.name ?? 'object';
    if (value instanceof Map || value instanceof Set) return `${name}(${value.size})`;
    return `${name} ${describeValue(String(value).slice(0, MAX_STRING))}`;
  }
  const keys = Object.keys(value);
  const shown = keys
    .slice(0, MAX_ITEMS)
    .map((key) => `${JSON.stringify(key)}: ${describeValue((value as Record<string, unknown>)[key], depth + 1)}`);
  if (keys.length > MAX_ITEMS) shown.push(`…(${keys.length} keys)`);
  return `${prototype === null ? '[null prototype] ' : ''}{${shown.join(', ')}}`;
}

/** A case that fast-check prints (in a counterexample) as its short description. */
export function fuzzCase(how: string, input: unknown, mustRefuse?: string): FuzzCase {
  const printable = {
    how,
    input,
    mustRefuse,
    [fc.toStringMethod]: () => `${how}: ${describeValue(input)}`,
  };
  return printable;
}

import fc from 'fast-check';
import { z } from 'zod';
import { hostileString } from './hostile-values.ts';

/** The subset of JSON Schema that `z.toJSONSchema` emits for the contract's inputs. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

/** Field values that reach past validation into the services: real profile ids, real names, canary secrets… */
export type FieldHints = Readonly<Record<string, fc.Arbitrary<unknown>>>;

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;

const SMALL = 40;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? SMALL, SMALL));
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern, 'u'), { maxLength })
      .filter((value) => value.length >= minLength);
  }
  return fc.oneof(
    fc.string({ unit: 'grapheme', minLength, maxLength }),
    fc.string({ unit: 'binary', minLength, maxLength }),
    hostileString.filter((value) => value.length >= minLength && value.length <= maxLength),
  );
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lowest = schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1e6 : schema.exclusiveMinimum);
  const highest = schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1e6 : schema.exclusiveMaximum);
  if (integer) {
    const min = Math.max(Math.ceil(lowest + (schema.exclusiveMinimum === undefined ? 0 : 1)), -(2 ** 31));
    const max = Math.min(Math.floor(highest), 2 ** 31 - 1, Math.max(min, 1e6));
    return fc.integer({ min, max: Math.max(min, max) });
  }
  return fc.double({
    min: lowest,
    max: highest,
    minExcluded: schema.exclusiveMinimum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/**
 * Values that satisfy the JSON-Schema view of a zod input (refinements aside), with `hints` replacing the
 * fields they name. A schema with no type is the view of `z.undefined()`: the only valid value is none.
 */
export function arbitraryFromSchema(schema: JsonSchema, hints: FieldHints): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => arbitraryFromSchema(branch, hints)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'array':
      return fc.array(schema.items ? arbitraryFromSchema(schema.items, hints) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const model = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [
          key,
          hints[key] ?? arbitraryFromSchema(property, hints),
        ]),
      );
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.constant(undefined);
  }
}

/** Every property name the schema knows, at any depth: an "unknown key" must be none of them. */
export function knownPropertyNames(schema: JsonSchema, found = new Set<string>()): Set<string> {
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    found.add(key);
    knownPropertyNames(property, found);
  }
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) knownPropertyNames(branch, found);
  if (schema.items) knownPropertyNames(schema.items, found);
  return found;
}

export type ValuePath = readonly (string | number)[];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths to every value inside `value` (not the root itself), and to every plain object (the root included). */
export function pathsIn(value: unknown): { fields: ValuePath[]; objects: ValuePath[] } {
  const fields: ValuePath[] = [];
  const objects: ValuePath[] = [];
  const visit = (node: unknown, at: ValuePath) => {
    if (isPlainObject(node)) {
      objects.push(at);
      for (const key of Object.keys(node)) {
        fields.push([...at, key]);
        visit(node[key], [...at, key]);
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        fields.push([...at, index]);
        visit(item, [...at, index]);
      });
    }
  };
  visit(value, []);
  return { fields, objects };
}

/** An own, enumerable property even for `__proto__`, as JSON.parse makes it. */
function defineOwn(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A copy of `root` (plain JSON-like data) with the value at `path` set; the copy shares nothing with `root`. */
export function withValueAt(root: unknown, path: ValuePath, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  defineOwn(node, path[path.length - 1]!, value);
  return copy;
}

export const describePath = (path: ValuePath) => (path.length === 0 ? '(root)' : path.join('.'));

import fc from 'fast-check';
import type { OperationSpec } from '../../../../src/shared/contract/define.ts';
import { fuzzCase, type FuzzCase } from './fuzz-case.ts';
import { bigString, hostileKey, hostileValue } from './hostile-values.ts';
import {
  arbitraryFromSchema,
  describePath,
  jsonSchemaOf,
  knownPropertyNames,
  pathsIn,
  withValueAt,
  type FieldHints,
} from './schema-inputs.ts';

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length === 0 ? undefined : items[index % items.length];

/**
 * Hostile inputs for one operation, derived from its zod input schema: values of every wrong type,
 * valid-shaped inputs with hostile field values, one field replaced by anything, an unknown key added at
 * any level (which must be refused), and now and then a 1–10 MB string in a string field.
 */
export function casesFor(spec: OperationSpec, hints: FieldHints): fc.Arbitrary<FuzzCase> {
  const schema = jsonSchemaOf(spec.input);
  const valid = arbitraryFromSchema(schema, hints);
  const known = knownPropertyNames(schema);
  const unknownKey = hostileKey.filter((key) => !known.has(key));

  const anyValue = hostileValue.map((input) => fuzzCase('hostile value', input));
  const validShaped = valid.map((input) => fuzzCase('valid-shaped, hostile field values', input));
  const fieldReplaced = fc.tuple(valid, fc.nat(), hostileValue).map(([input, index, replacement]) => {
    const path = pick(pathsIn(input).fields, index);
    return path
      ? fuzzCase(`field ${describePath(path)} replaced`, withValueAt(input, path, replacement))
      : fuzzCase('hostile value', replacement);
  });
  const keyAdded = fc.tuple(valid, fc.nat(), unknownKey, hostileValue).map(([input, index, key, extra]) => {
    const at = pick(pathsIn(input).objects, index);
    // An operation without input refuses any object at all.
    const target = at ?? [];
    const base = at ? input : {};
    const path = [...target, key];
    return fuzzCase(
      `unknown key ${JSON.stringify(key)} at ${describePath(target)}`,
      withValueAt(base, path, extra),
      `unknown key ${JSON.stringify(key)} at ${describePath(target)}`,
    );
  });
  const huge = fc.tuple(valid, fc.nat(), bigString).map(([input, index, big]) => {
    const stringPaths = pathsIn(input).fields.filter((path) => typeof valueAt(input, path) === 'string');
    const path = pick(stringPaths, index) ?? [];
    return fuzzCase(
      `${(big.length / 1024 / 1024).toFixed(1)} MB string at ${describePath(path)}`,
      withValueAt(input, path, big),
    );
  });

  // An operation without input has one valid value (none); sending it again and again adds nothing.
  const takesNoInput = schema.type === undefined && !schema.anyOf && !schema.oneOf;
  if (takesNoInput) {
    return fc.oneof(
      { arbitrary: anyValue, weight: 10 },
      { arbitrary: keyAdded, weight: 8 },
      { arbitrary: huge, weight: 1 },
    );
  }
  return fc.oneof(
    { arbitrary: anyValue, weight: 10 },
    { arbitrary: validShaped, weight: 10 },
    { arbitrary: fieldReplaced, weight: 10 },
    { arbitrary: keyAdded, weight: 8 },
    { arbitrary: huge, weight: 1 },
  );
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root as Record<string | number, unknown> | undefined;
  for (const key of path) node = node?.[key] as Record<string | number, unknown> | undefined;
  return node;
}

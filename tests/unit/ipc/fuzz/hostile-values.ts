import fc from 'fast-check';

/** Objects whose `__proto__` / `constructor` / `prototype` are own keys, as JSON.parse (and IPC) would deliver them. */
export const PROTOTYPE_PAYLOADS: readonly string[] = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"__proto__":{"toString":"polluted","valueOf":1}}',
  '{"a":{"__proto__":{"polluted":"yes"}},"b":[{"__proto__":{"polluted":"yes"}}]}',
];

/** Keys worth adding to an otherwise valid object. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty', 'isAdmin', ''),
  fc.constantFrom('clientSecret', 'confirmationToken', 'environment', 'id', 'profileId', '../x', '\u0000', 'a\u202Eb'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** Strings a renderer (or anything that reaches the router) might send to break parsing, paths, SQL or logs. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\n\r',
    '../../etc/passwd',
    '..\\..\\windows\\system32\\config\\sam',
    '%2e%2e/%2e%2e/etc/passwd',
    '%2e%2e%2f%2e%2e%2f',
    '....//....//',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '\\\\?\\C:\\',
    'file:///etc/passwd',
    'a\u0000b',
    '\u0000',
    '%00',
    'profile\u0000.db',
    '\uD800',
    '\uDFFF',
    'a\uD800b\uDC00c',
    '\uDBFF\uDBFF',
    '\u202Eevil\u202C',
    '\u200B\u200D\uFEFF',
    '\u0007\u001B[31mred\u001B[0m',
    'line\r\nInjected: header',
    "'; DROP TABLE profiles; --",
    '" OR 1=1 --',
    '%s%s%s%n',
    '${process.env}',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=cmd|"/c calc"!A1',
    '__proto__',
    'constructor',
    'prototype',
    'simulator',
    'SIMULATOR',
    'null',
    'undefined',
    'NaN',
    '-0',
    '1e309',
    '0x10',
    'ｆｕｌｌｗｉｄｔｈ',
    '🏳️‍🌈👩‍👩‍👧‍👦',
    'Ω≈ç√∫˜µ≤≥÷',
    'ثم نفس سقطت',
    'ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ',
    'x'.repeat(10_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u001F', '\u007F', '\uD800', '\uDC00', '/', '\\', '.', '%'),
    maxLength: 30,
  }),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    -1,
    0.5,
    1.5,
    Number.MIN_VALUE,
    Number.MAX_VALUE,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER,
    2 ** 31,
    2 ** 32,
    2 ** 53,
    1e12,
    1e12 + 1,
    1e308,
  ),
  fc.double(),
  fc.integer(),
);

/** A value nested `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

/** The same as JSON text, for string fields that are parsed later (profile import, webhook bodies). */
export const deeplyNestedJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const sparseHugeArray = () => {
  const array: unknown[] = [];
  array.length = 2 ** 32 - 1;
  return array;
};

/** Built once, on first use: a few 1–10 MB strings are enough to show size limits hold, and cost memory. */
let bigStringsCache: readonly string[] | undefined;
export function bigStrings(): readonly string[] {
  bigStringsCache ??= [
    'a'.repeat(1024 * 1024),
    '\u0000'.repeat(2 * 1024 * 1024),
    '𝒜é\uD800'.repeat(700_000),
    'A'.repeat(10 * 1024 * 1024),
  ];
  return bigStringsCache;
}

/** One of the 1–10 MB strings; weight it low, they are slow to move around. */
export const bigString: fc.Arbitrary<string> = fc.integer({ min: 0, max: 3 }).map((index) => bigStrings()[index]!);

/** Values no operation's input should ever be, of every JavaScript (and structured-clone) type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: hostileNumber, weight: 3 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      10n,
      -(2n ** 64n),
      new Date(Number.NaN),
      new Date(8.64e15),
      new Map([['profileId', 'simulator']]),
      new Set(['simulator']),
      /a+$/,
      new Uint8Array([0, 255]),
      new ArrayBuffer(8),
      [],
      {},
      [[]],
      [undefined],
      Object.create(null),
      new Array(100_000).fill(0),
      Array.from({ length: 10_000 }, (_, index) => `id-${index}`),
      Symbol('hostile'),
      () => 'function',
    ),
    weight: 3,
  },
  { arbitrary: fc.constantFrom(...PROTOTYPE_PAYLOADS).map((json) => JSON.parse(json) as unknown), weight: 2 },
  {
    arbitrary: fc.constantFrom('object', 'array').map((kind) => deeplyNested(10_000, kind as 'object' | 'array')),
    weight: 1,
  },
  { arbitrary: fc.constant(null).map(sparseHugeArray), weight: 1 },
  {
    arbitrary: fc.anything({
      key: hostileKey,
      maxDepth: 4,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: 'binary',
    }),
    weight: 4,
  },
);

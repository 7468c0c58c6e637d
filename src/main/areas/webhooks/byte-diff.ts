import type { ByteDiff, DiffSegment } from '../../../shared/webhooks/byte-diff.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';

// Diff of two bodies for people: aligned on UTF-8 characters (so an é is never split into halves), counted
// in bytes, card data masked before anything is compared or shown.

const MAX_EDITS = 1500;
const MAX_UNITS = 40_000;
const MAX_SEGMENTS = 600;
const EQUAL_KEEP = 48;
const HEX_UP_TO = 24;

type Op = DiffSegment['op'];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function unitsOf(bytes: Buffer): {
  units: string[];
  byteLength: (unit: string) => number;
  encode: (text: string) => Buffer;
} {
  try {
    const text = maskCardDataInText(utf8.decode(bytes));
    return {
      units: Array.from(text),
      byteLength: (unit) => Buffer.byteLength(unit),
      encode: (text) => Buffer.from(text, 'utf8'),
    };
  } catch {
    const text = maskCardDataInText(bytes.toString('latin1'));
    return { units: text.split(''), byteLength: () => 1, encode: (text) => Buffer.from(text, 'latin1') };
  }
}

/** Myers' O(ND) shortest edit script, or null when the bodies differ too much to align within the budget. */
function myers(a: string[], b: string[]): Array<[Op, string]> | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d - 1, offset + d + 2));
  }
  if (found < 0) return null;
  const at = (d: number, k: number) => trace[d]![k + d + 1]!;
  const ops: Array<[Op, string]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d -= 1) {
    const k = x - y;
    const prevK = k === -d || (k !== d && at(d - 1, k - 1) < at(d - 1, k + 1)) ? k + 1 : k - 1;
    const prevX = at(d - 1, prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x -= 1;
      y -= 1;
      ops.push(['equal', a[x]!]);
    }
    if (x === prevX) {
      y -= 1;
      ops.push(['added', b[y]!]);
    } else {
      x -= 1;
      ops.push(['removed', a[x]!]);
    }
  }
  while (x > 0 && y > 0) {
    x -= 1;
    y -= 1;
    ops.push(['equal', a[x]!]);
  }
  return ops.reverse();
}

export function diffBodies(left: Buffer, right: Buffer, labels: { left: string; right: string }): ByteDiff {
  const l = unitsOf(left);
  const r = unitsOf(right);
  const a = l.units;
  const b = r.units;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix += 1;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const aligned = midA.length + midB.length <= MAX_UNITS ? myers(midA, midB) : null;
  const middle: Array<[Op, string]> = aligned ?? [
    ...midA.map((unit): [Op, string] => ['removed', unit]),
    ...midB.map((unit): [Op, string] => ['added', unit]),
  ];
  const ops: Array<[Op, string]> = [
    ...a.slice(0, prefix).map((unit): [Op, string] => ['equal', unit]),
    ...middle,
    ...a.slice(a.length - suffix).map((unit): [Op, string] => ['equal', unit]),
  ];

  const runs: Array<{ op: Op; units: string[] }> = [];
  for (const [op, unit] of ops) {
    const last = runs.at(-1);
    if (last && last.op === op) last.units.push(unit);
    else runs.push({ op, units: [unit] });
  }

  const segments: DiffSegment[] = [];
  let removedBytes = 0;
  let addedBytes = 0;
  let leftOffset = 0;
  let firstDifferenceAt: number | null = null;
  const bytesOf = (units: string[], side: typeof l) => units.reduce((sum, unit) => sum + side.byteLength(unit), 0);
  for (const run of runs) {
    const side = run.op === 'added' ? r : l;
    const bytes = bytesOf(run.units, side);
    if (run.op !== 'equal' && firstDifferenceAt === null) firstDifferenceAt = leftOffset;
    if (run.op !== 'added') leftOffset += bytes;
    if (run.op === 'removed') removedBytes += bytes;
    if (run.op === 'added') addedBytes += bytes;
    if (run.op === 'equal' && run.units.length > EQUAL_KEEP * 2 + 16) {
      const head = run.units.slice(0, EQUAL_KEEP);
      const tail = run.units.slice(-EQUAL_KEEP);
      const headBytes = bytesOf(head, side);
      const tailBytes = bytesOf(tail, side);
      segments.push({ op: 'equal', text: head.join(''), bytes: headBytes, elidedBytes: 0, hex: null });
      segments.push({ op: 'equal', text: '', bytes: 0, elidedBytes: bytes - headBytes - tailBytes, hex: null });
      segments.push({ op: 'equal', text: tail.join(''), bytes: tailBytes, elidedBytes: 0, hex: null });
      continue;
    }
    const text = run.units.join('');
    const hex =
      run.op !== 'equal' && bytes <= HEX_UP_TO
        ? side
            .encode(text)
            .toString('hex')
            .replace(/(..)(?=.)/g, '$1 ')
        : null;
    segments.push({ op: run.op, text, bytes, elidedBytes: 0, hex });
  }
  const truncated = segments.length > MAX_SEGMENTS;
  return {
    leftLabel: labels.left,
    rightLabel: labels.right,
    leftBytes: left.length,
    rightBytes: right.length,
    firstDifferenceAt,
    removedBytes,
    addedBytes,
    segments: truncated ? segments.slice(0, MAX_SEGMENTS) : segments,
    approximate: aligned === null,
    truncated,
  };
}

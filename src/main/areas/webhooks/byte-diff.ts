import type { ByteDiff, DiffSegment } from '../../../shared/webhooks/byte-diff.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';
import { runSteps, type Steps } from './work-pacer.ts';

// Diff of two bodies for people: aligned on UTF-8 characters (so an é is never split into halves), counted
// in bytes, card data masked before anything is compared or shown. Bounded for 1 MiB bodies: the common
// prefix and suffix are found by scanning, only a middle of up to MAX_UNITS characters is aligned (in steps),
// and long runs, changed or not, keep their ends only.

const MAX_EDITS = 1500;
const MAX_UNITS = 40_000;
const MAX_SEGMENTS = 600;
const EQUAL_KEEP = 48;
const CHANGED_KEEP = 1024;
const HEX_UP_TO = 24;
const SCAN_PER_STEP = 256 * 1024;

type Op = DiffSegment['op'];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

interface Side {
  text: string;
  byteLength(text: string): number;
  encode(text: string): Buffer;
}

function sideOf(bytes: Buffer): Side {
  try {
    return {
      text: maskCardDataInText(utf8.decode(bytes)),
      byteLength: (text) => Buffer.byteLength(text, 'utf8'),
      encode: (text) => Buffer.from(text, 'utf8'),
    };
  } catch {
    return {
      text: maskCardDataInText(bytes.toString('latin1')),
      byteLength: (text) => text.length,
      encode: (text) => Buffer.from(text, 'latin1'),
    };
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Myers' O(ND) shortest edit script, one edit distance per step, or null beyond MAX_EDITS. */
function* myersSteps(a: string[], b: string[]): Steps<Array<[Op, string]> | null> {
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
    yield;
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

/** The first `count` characters (code points) of a run, and the last `count`. */
const headOf = (text: string, count: number) =>
  Array.from(text.slice(0, count * 2))
    .slice(0, count)
    .join('');
const tailOf = (text: string, count: number) =>
  Array.from(text.slice(-count * 2))
    .slice(-count)
    .join('');

export function* diffBodiesSteps(
  left: Buffer,
  right: Buffer,
  labels: { left: string; right: string },
): Steps<ByteDiff> {
  const l = sideOf(left);
  const r = sideOf(right);
  const a = l.text;
  const b = r.text;
  yield;
  const shorter = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) {
    prefix += 1;
    if (prefix % SCAN_PER_STEP === 0) yield;
  }
  if (prefix > 0 && prefix < shorter && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  while (suffix < shorter - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) {
    suffix += 1;
    if (suffix % SCAN_PER_STEP === 0) yield;
  }
  if (suffix > 0 && suffix < shorter - prefix && isLowSurrogate(a.charCodeAt(a.length - suffix))) suffix -= 1;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);

  let aligned: Array<[Op, string]> | null = null;
  if (midA.length + midB.length <= MAX_UNITS) aligned = yield* myersSteps(Array.from(midA), Array.from(midB));
  const runs: Array<{ op: Op; text: string }> = [];
  const add = (op: Op, text: string) => {
    if (text.length === 0) return;
    const last = runs.at(-1);
    if (last && last.op === op) last.text += text;
    else runs.push({ op, text });
  };
  add('equal', a.slice(0, prefix));
  if (aligned) for (const [op, unit] of aligned) add(op, unit);
  else {
    add('removed', midA);
    add('added', midB);
  }
  add('equal', a.slice(a.length - suffix));
  yield;

  const segments: DiffSegment[] = [];
  let removedBytes = 0;
  let addedBytes = 0;
  let leftOffset = 0;
  let firstDifferenceAt: number | null = null;
  for (const run of runs) {
    const side = run.op === 'added' ? r : l;
    const bytes = side.byteLength(run.text);
    if (run.op !== 'equal' && firstDifferenceAt === null) firstDifferenceAt = leftOffset;
    if (run.op !== 'added') leftOffset += bytes;
    if (run.op === 'removed') removedBytes += bytes;
    if (run.op === 'added') addedBytes += bytes;
    const keep = run.op === 'equal' ? EQUAL_KEEP : CHANGED_KEEP;
    if (run.text.length > (keep + 8) * 2) {
      const head = headOf(run.text, keep);
      const tail = tailOf(run.text, keep);
      const headBytes = side.byteLength(head);
      const tailBytes = side.byteLength(tail);
      segments.push({ op: run.op, text: head, bytes: headBytes, elidedBytes: 0, hex: null });
      segments.push({ op: run.op, text: '', bytes: 0, elidedBytes: bytes - headBytes - tailBytes, hex: null });
      segments.push({ op: run.op, text: tail, bytes: tailBytes, elidedBytes: 0, hex: null });
      continue;
    }
    const hex =
      run.op !== 'equal' && bytes <= HEX_UP_TO
        ? side
            .encode(run.text)
            .toString('hex')
            .replace(/(..)(?=.)/g, '$1 ')
        : null;
    segments.push({ op: run.op, text: run.text, bytes, elidedBytes: 0, hex });
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

export const diffBodies = (left: Buffer, right: Buffer, labels: { left: string; right: string }): ByteDiff =>
  runSteps(diffBodiesSteps(left, right, labels));

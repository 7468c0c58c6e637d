import type { JsonNode, JsonObject } from './json-lossless.ts';
import type { Steps } from './work-pacer.ts';

type Entry = JsonObject['entries'][number];

/** Each object whose keys are not already in order, with its entries sorted (Python sort_keys, Jackson ORDER_MAP_ENTRIES_BY_KEYS). */
export type SortedKeys = Map<JsonObject, Entry[]>;

const byKey = (a: Entry, b: Entry) => (a.key.value < b.key.value ? -1 : a.key.value > b.key.value ? 1 : 0);
/** Objects up to this many keys are sorted in one go (well under a millisecond). */
const SORT_AT_ONCE = 1024;
const MOVES_PER_STEP = 16_384;

/** Stable bottom-up merge sort in steps, for the rare hostile object with a hundred thousand keys. */
function* mergeSortSteps(entries: Entry[]): Steps<Entry[]> {
  let from = entries.slice();
  let to = new Array<Entry>(from.length);
  let moves = 0;
  for (let width = 1; width < from.length; width *= 2) {
    for (let start = 0; start < from.length; start += 2 * width) {
      const middle = Math.min(start + width, from.length);
      const end = Math.min(start + 2 * width, from.length);
      let i = start;
      let j = middle;
      for (let k = start; k < end; k += 1) {
        to[k] = i < middle && (j >= end || byKey(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        moves += 1;
        if (moves % MOVES_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Sorts the keys of every object once, so each sorted-key layout reuses the order. */
export function* sortedKeysSteps(root: JsonNode): Steps<SortedKeys> {
  const sorted: SortedKeys = new Map();
  const pending: JsonNode[] = [root];
  let visited = 0;
  while (pending.length > 0) {
    const node = pending.pop()!;
    visited += 1;
    if (node.kind === 'array') for (const item of node.items) pending.push(item);
    if (node.kind !== 'object') continue;
    for (const entry of node.entries) pending.push(entry.value);
    const order =
      node.entries.length <= SORT_AT_ONCE ? [...node.entries].sort(byKey) : yield* mergeSortSteps(node.entries);
    for (let index = 0; index < order.length; index += 1) {
      if (order[index] !== node.entries[index]) {
        sorted.set(node, order);
        break;
      }
      if (index % MOVES_PER_STEP === MOVES_PER_STEP - 1) yield;
    }
    visited += node.entries.length;
    if (visited >= MOVES_PER_STEP) {
      visited = 0;
      yield;
    }
  }
  return sorted;
}

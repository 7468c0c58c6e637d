/**
 * The simulator's only source of chance (mulberry32). Ids, tokens, card numbers, outcomes and latency jitter all
 * draw from it, so the same seed and the same sequence of requests give the same answers.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  digits(count: number): string;
  uuid(): string;
  hex(count: number): string;
  /** One key, drawn with the given non-negative weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => uint32() / 4294967296;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  // Eight hex digits per draw: tokens and request ids are made on every login and request.
  const hex = (count: number): string => {
    let out = '';
    while (out.length < count) out += uint32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  };
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability) => next() < probability,
    digits: (count) => {
      let out = '';
      for (let i = 0; i < count; i += 1) out += String(int(0, 9));
      return out;
    },
    uuid: () => {
      const h = hex(32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Number.parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    hex,
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      let total = 0;
      let last: K | undefined;
      for (const key in weights) {
        total += Math.max(0, weights[key]);
        last = key;
      }
      if (last === undefined || total <= 0) throw new Error('no positive weight to draw from');
      let roll = next() * total;
      for (const key in weights) {
        roll -= Math.max(0, weights[key]);
        if (roll < 0) return key;
      }
      return last;
    },
  };
}

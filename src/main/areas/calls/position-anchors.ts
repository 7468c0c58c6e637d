import type { Anchor } from './keyset.ts';

/** Positions remembered per search before the oldest are forgotten (each is a key and an id). */
const MAX_ANCHORS = 20_000;

/**
 * The anchors known for one search snapshot: position p → the key of the row at p − 1. The table scrolls by
 * position; a page is served by seeking past the anchor of its first position, so once a position's anchor
 * is known, a page there costs what the first page costs. Position 0 is always known (the start).
 */
export class PositionAnchors {
  readonly #known = new Map<number, Anchor>();

  /** The known position closest to `position` (either side), with its anchor. */
  nearest(position: number): { position: number; anchor: Anchor | null } {
    let best: { position: number; anchor: Anchor | null } = { position: 0, anchor: null };
    for (const [known, anchor] of this.#known)
      if (Math.abs(known - position) < Math.abs(best.position - position)) best = { position: known, anchor };
    return best;
  }

  remember(position: number, anchor: Anchor): void {
    if (position <= 0) return;
    if (this.#known.size >= MAX_ANCHORS && !this.#known.has(position)) {
      const oldest = this.#known.keys().next().value;
      if (oldest !== undefined) this.#known.delete(oldest);
    }
    this.#known.set(position, anchor);
  }
}

/** Searches remembered per database; the renderer scrolls one search at a time, a few cover going back. */
const MAX_SEARCHES = 8;

/** Anchors by search, least recently used dropped first. */
export class AnchorCache {
  readonly #searches = new Map<string, PositionAnchors>();

  for(searchKey: string): PositionAnchors {
    let anchors = this.#searches.get(searchKey);
    if (anchors) this.#searches.delete(searchKey);
    else anchors = new PositionAnchors();
    this.#searches.set(searchKey, anchors);
    if (this.#searches.size > MAX_SEARCHES) this.#searches.delete(this.#searches.keys().next().value!);
    return anchors;
  }
}

/**
 * How well `query` matches `text` for the palette: null when the query's characters do not appear in order;
 * otherwise higher is better. Matches at word starts and runs of consecutive characters count most, so "wal"
 * finds "Go to Wallet" before "Switch profile to Walter's staging", and "so" finds "Sync catalog now"-style
 * initials.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return 0;
  const haystack = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of needle) {
    if (char === ' ') continue;
    const at = haystack.indexOf(char, from);
    if (at < 0) return null;
    const wordStart = at === 0 || /[\s\-_/.(]/.test(haystack[at - 1]!);
    score += 1 + (wordStart ? 8 : 0) + (at === previous + 1 ? 5 : 0);
    // A gap costs a little, so tight matches win among the same word starts.
    score -= Math.min(at - from, 10) * 0.1;
    previous = at;
    from = at + 1;
  }
  if (haystack.includes(needle)) score += 10;
  return score;
}

/** `items` that match, best first; ties keep their given order. */
export function rankByFuzzy<T>(query: string, items: readonly T[], textOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, textOf(item)) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}

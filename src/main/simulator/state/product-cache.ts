const MAX_ENTRIES = 500;
/** A 10,000-brand catalogue listed unpaged is ~25 MB of JSON: the cache holds a few such answers, not hundreds. */
const MAX_CHARS = 64 * 1024 * 1024;

/** Serialised product-list answers, keyed by client and query; emptied whenever the catalogue, a client or the config changes. */
export class ProductCache {
  private readonly entries = new Map<string, string>();
  private chars = 0;

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  set(key: string, json: string): void {
    if (json.length > MAX_CHARS) return;
    if (this.entries.size >= MAX_ENTRIES || this.chars + json.length > MAX_CHARS) this.clear();
    this.entries.set(key, json);
    this.chars += json.length;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

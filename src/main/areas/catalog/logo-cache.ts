import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { request } from 'undici';

/** Image types the renderer may show as data URLs, by the file extension the cache stores them under. */
const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
};
const TYPE_OF_EXTENSION = Object.fromEntries(Object.entries(IMAGE_TYPES).map(([type, ext]) => [ext, type]));
/** Profile ids become folder names: nothing that could climb out of the logos folder (as ProfileDatabases). */
const SAFE_PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export interface LogoCacheOptions {
  /** <dataDir>/logos: one folder per profile below it */
  readonly dir: string;
  /** per profile; the least recently shown logos go first */
  readonly maxBytesPerProfile?: number;
  readonly maxImageBytes?: number;
  readonly timeoutMs?: number;
  /** a failed URL is not asked again for this long */
  readonly retryAfterMs?: number;
  readonly now?: () => number;
}

interface Entry {
  size: number;
  usedAt: number;
}

export type LogoFetchFailure = 'scheme' | 'status' | 'type' | 'size' | 'network';

export class LogoFetchError extends Error {
  readonly reason: LogoFetchFailure;
  constructor(reason: LogoFetchFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** One brand image over http(s): status 200, an image type we show, at most maxBytes, within the timeout. */
export async function fetchImage(
  url: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<{ type: string; bytes: Buffer }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new LogoFetchError('scheme', 'not a URL');
  }
  // Only the web: no file:, data:, or anything else a catalog entry could smuggle in.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new LogoFetchError('scheme', `${parsed.protocol} is not fetched`);
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(parsed, {
      method: 'GET',
      headers: { accept: Object.keys(IMAGE_TYPES).join(', ') },
      headersTimeout: limits.timeoutMs,
      bodyTimeout: limits.timeoutMs,
      signal: AbortSignal.timeout(limits.timeoutMs),
    });
  } catch (error) {
    throw new LogoFetchError('network', error instanceof Error ? error.message : 'request failed');
  }
  const discard = () => {
    // An aborted body reports an error event; nobody waits for it here.
    response.body.on('error', () => undefined);
    response.body.destroy();
  };
  if (response.statusCode !== 200) {
    discard();
    throw new LogoFetchError('status', `HTTP ${response.statusCode}`);
  }
  const type = String(response.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (!(type in IMAGE_TYPES)) {
    discard();
    throw new LogoFetchError('type', `content-type ${type || '(none)'} is not an image we show`);
  }
  if (Number(response.headers['content-length'] ?? 0) > limits.maxBytes) {
    discard();
    throw new LogoFetchError('size', 'the image is larger than the cap');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > limits.maxBytes) {
        discard();
        throw new LogoFetchError('size', 'the image is larger than the cap');
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof LogoFetchError) throw error;
    throw new LogoFetchError('network', error instanceof Error ? error.message : 'the body did not arrive');
  }
  return { type, bytes: Buffer.concat(chunks) };
}

/**
 * Brand logos fetched by main (the renderer's CSP allows no remote image) and kept on disk per profile under
 * the data dir, with a total size cap per profile: least recently shown first out (access times survive a
 * restart as the files' mtimes). Served as data URLs.
 */
export class LogoCache {
  readonly #options: Required<Omit<LogoCacheOptions, 'now'>> & { now: () => number };
  readonly #index = new Map<string, Map<string, Entry>>();
  readonly #inFlight = new Map<string, Promise<string | null>>();
  readonly #failedUntil = new Map<string, number>();

  constructor(options: LogoCacheOptions) {
    this.#options = {
      dir: options.dir,
      maxBytesPerProfile: options.maxBytesPerProfile ?? 20 * 1024 * 1024,
      maxImageBytes: options.maxImageBytes ?? 512 * 1024,
      timeoutMs: options.timeoutMs ?? 10_000,
      retryAfterMs: options.retryAfterMs ?? 15 * 60_000,
      now: options.now ?? Date.now,
    };
  }

  folderOf(profileId: string): string {
    if (!SAFE_PROFILE_ID.test(profileId)) throw new Error('Not a valid profile id');
    return path.join(this.#options.dir, profileId);
  }

  /** The logo as a data URL, or null when there is none to show (no URL, a failing or oversized image). */
  async dataUrl(profileId: string, url: string | null): Promise<string | null> {
    if (!url) return null;
    const key = `${profileId}\u0000${url}`;
    const cached = this.#read(profileId, url);
    if (cached !== null) return cached;
    if ((this.#failedUntil.get(key) ?? 0) > this.#options.now()) return null;
    const running = this.#inFlight.get(key);
    if (running) return running;
    const fetching = this.#fetchAndStore(profileId, url, key).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, fetching);
    return fetching;
  }

  /** Bytes on disk for a profile. */
  sizeOf(profileId: string): number {
    let total = 0;
    for (const entry of this.#entries(profileId).values()) total += entry.size;
    return total;
  }

  /** Removes the folders of profiles that no longer exist. */
  prune(keepProfileIds: readonly string[]): void {
    const keep = new Set(keepProfileIds);
    let names: string[];
    try {
      names = fs.readdirSync(this.#options.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (keep.has(name) || !SAFE_PROFILE_ID.test(name)) continue;
      fs.rmSync(path.join(this.#options.dir, name), { recursive: true, force: true });
      this.#index.delete(name);
    }
  }

  async #fetchAndStore(profileId: string, url: string, key: string): Promise<string | null> {
    try {
      const image = await fetchImage(url, {
        maxBytes: this.#options.maxImageBytes,
        timeoutMs: this.#options.timeoutMs,
      });
      this.#write(profileId, url, image.type, image.bytes);
      return `data:${image.type};base64,${image.bytes.toString('base64')}`;
    } catch {
      this.#failedUntil.set(key, this.#options.now() + this.#options.retryAfterMs);
      return null;
    }
  }

  #fileBase = (url: string) => createHash('sha256').update(url).digest('hex').slice(0, 40);

  #entries(profileId: string): Map<string, Entry> {
    let entries = this.#index.get(profileId);
    if (entries) return entries;
    entries = new Map();
    const folder = this.folderOf(profileId);
    let names: string[] = [];
    try {
      names = fs.readdirSync(folder);
    } catch {
      // No folder yet: nothing cached.
    }
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        // A write cut short by a crash.
        fs.rmSync(path.join(folder, name), { force: true });
        continue;
      }
      try {
        const stat = fs.statSync(path.join(folder, name));
        entries.set(name, { size: stat.size, usedAt: stat.mtimeMs });
      } catch {
        // Removed meanwhile.
      }
    }
    this.#index.set(profileId, entries);
    return entries;
  }

  #read(profileId: string, url: string): string | null {
    const entries = this.#entries(profileId);
    const base = this.#fileBase(url);
    for (const [name, entry] of entries) {
      if (!name.startsWith(`${base}.`)) continue;
      const type = TYPE_OF_EXTENSION[name.slice(base.length + 1)];
      const file = path.join(this.folderOf(profileId), name);
      try {
        const bytes = fs.readFileSync(file);
        entry.usedAt = this.#options.now();
        const at = new Date(entry.usedAt);
        fs.utimesSync(file, at, at);
        return type ? `data:${type};base64,${bytes.toString('base64')}` : null;
      } catch {
        entries.delete(name);
        return null;
      }
    }
    return null;
  }

  #write(profileId: string, url: string, type: string, bytes: Buffer): void {
    const folder = this.folderOf(profileId);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const name = `${this.#fileBase(url)}.${IMAGE_TYPES[type]}`;
    const file = path.join(folder, name);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes, { mode: 0o600 });
    fs.renameSync(temp, file);
    const entries = this.#entries(profileId);
    entries.set(name, { size: bytes.length, usedAt: this.#options.now() });
    const at = new Date(this.#options.now());
    fs.utimesSync(file, at, at);
    this.#evict(profileId, entries, name);
  }

  /** Least recently used first, until the profile's folder is under its cap again (the newest file stays). */
  #evict(profileId: string, entries: Map<string, Entry>, keep: string): void {
    let total = 0;
    for (const entry of entries.values()) total += entry.size;
    if (total <= this.#options.maxBytesPerProfile) return;
    const oldestFirst = [...entries].filter(([name]) => name !== keep).sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [name, entry] of oldestFirst) {
      if (total <= this.#options.maxBytesPerProfile) break;
      fs.rmSync(path.join(this.folderOf(profileId), name), { force: true });
      entries.delete(name);
      total -= entry.size;
    }
  }
}

import type { Brand } from '../../../shared/hubble/brand.ts';
import type { BrandList, NextCursor } from '../../../shared/hubble/brand-list.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ProductQuery } from '../../hubble/endpoints.ts';
import type { HubbleResult } from '../../hubble/hubble-result.ts';

/** One GET /v1/partners/products (the profile's client in the app; a wrapped one in tests). */
export type PageFetcher = (query: ProductQuery) => Promise<HubbleResult<BrandList>>;

/** Hubble's maximum page size is not documented; the simulator's is 100. */
export const PAGE_LIMIT = 100;
/** A server whose cursor never ends must not keep a sync running forever: 100,000 brands at 100 a page. */
export const MAX_PAGES = 1_000;

export interface FetchedCatalog {
  /** by id; a brand listed twice (pages shifted while we read) counts once, the later copy wins */
  readonly brands: Map<string, Brand>;
  readonly pages: number;
  /** list entries that were not readable brands */
  readonly rejected: number;
}

export interface FetchOptions {
  readonly signal: AbortSignal;
  readonly limit?: number;
  readonly maxPages?: number;
  readonly onPage?: (pages: number, brands: number) => void;
}

export const abortedError = () => new AppError('UNAVAILABLE', 'The catalog sync was cancelled');

/**
 * The query of the page after `sent`, or null when `list` was the last page. `nextCursor` may be V1's
 * `{pageNo, limit}` (pointing at the next page, or echoing the current one on some servers), an opaque string
 * sent back as `cursor=`, or null/absent on the last page; an empty page ends the list whatever the cursor says.
 */
export function nextPageQuery(
  sent: ProductQuery,
  pageNo: number,
  list: { brands: readonly unknown[]; rejected: readonly unknown[]; nextCursor: NextCursor },
  limit: number,
): ProductQuery | null {
  const cursor = list.nextCursor;
  const received = list.brands.length + list.rejected.length;
  if (cursor === null || received === 0) return null;
  if (typeof cursor === 'string') return cursor === '' ? null : { cursor, limit: sent.limit ?? limit };
  const pageLimit = cursor.limit ?? sent.limit ?? limit;
  const next = cursor.pageNo ?? pageNo + 1;
  if (next > pageNo) return { pageNo: next, limit: pageLimit };
  // An echo of the page just read: the next one is pageNo + 1, unless this page was not full (then it was the last).
  return received < (sent.limit ?? limit) ? null : { pageNo: pageNo + 1, limit: pageLimit };
}

/** Every page of GET /v1/partners/products, from page 1 to the last; throws on the first page that fails. */
export async function fetchWholeCatalog(fetchPage: PageFetcher, options: FetchOptions): Promise<FetchedCatalog> {
  const limit = options.limit ?? PAGE_LIMIT;
  const maxPages = options.maxPages ?? MAX_PAGES;
  const brands = new Map<string, Brand>();
  const cursorsSeen = new Set<string>();
  let rejected = 0;
  let query: ProductQuery | null = { pageNo: 1, limit };
  let pageNo = 0;
  while (query !== null) {
    if (options.signal.aborted) throw abortedError();
    if (pageNo >= maxPages)
      throw new AppError('HUBBLE', `The catalog did not end after ${maxPages} pages; the sync stopped.`);
    const result = await fetchPage(query);
    pageNo += 1;
    if (result.outcome !== 'ok') {
      const { failure } = result;
      throw new AppError('HUBBLE', `Page ${pageNo} of the catalog could not be fetched: ${failure.title}`, {
        page: pageNo,
        requestId: failure.requestId,
        errorId: failure.errorId,
      });
    }
    const list = result.value;
    for (const brand of list.brands) brands.set(brand.id, brand);
    rejected += list.rejected.length;
    options.onPage?.(pageNo, brands.size);
    const next = nextPageQuery(query, pageNo, list, limit);
    if (next?.cursor !== undefined) {
      if (cursorsSeen.has(next.cursor))
        throw new AppError('HUBBLE', `The catalog's cursor repeated itself after page ${pageNo}; the sync stopped.`);
      cursorsSeen.add(next.cursor);
    }
    query = next;
  }
  return { brands, pages: pageNo, rejected };
}

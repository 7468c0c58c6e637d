import type { SimEngine } from '../engine.ts';
import { SimError, type SubError } from '../errors.ts';
import type { ClientState } from '../state/clients.ts';
import { brandJson } from './brand-json.ts';
import type { Brand } from './catalogue-schema.ts';

interface ListQuery {
  q: string;
  category: string;
  pageNo: number | null;
  limit: number;
}

function positiveInteger(raw: string | null, field: string, max: number, errors: SubError[]): number | null {
  if (raw === null || raw === '') return null;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    errors.push({ fieldName: field, message: `${field} must be an integer between 1 and ${max}` });
    return null;
  }
  return value;
}

function parseQuery(query: URLSearchParams, engine: SimEngine): ListQuery {
  const { config } = engine.state;
  const errors: SubError[] = [];
  // A string-shaped nextCursor (a switch) comes back as `cursor`; it is the next pageNo.
  const pageNo = positiveInteger(query.get('pageNo') ?? query.get('cursor'), 'pageNo', 1_000_000, errors);
  // With defaultPageSize set, a cursor that comes back without its limit still walks pages of the same size.
  const limit =
    positiveInteger(query.get('limit'), 'limit', config.maxPageLimit, errors) ??
    config.defaultPageSize ??
    config.defaultPageLimit;
  const q = (query.get('q') ?? '').trim();
  if (q.length > 200) errors.push({ fieldName: 'q', message: 'q must be at most 200 characters' });
  if (errors.length > 0) throw new SimError('BAD_REQUEST', { subErrors: errors });
  return {
    q: q.toLowerCase(),
    category: (query.get('category') ?? '').trim().toUpperCase(),
    // Hubble's docs: no pageNo means everything at once. The defaultPageSize switch makes it page 1 instead.
    pageNo: pageNo ?? (config.defaultPageSize === null ? null : 1),
    limit,
  };
}

/** Text search over title, tags, description and categories, case-insensitively. */
function matches(brand: Brand, query: ListQuery): boolean {
  if (query.category && !brand.category.some((category) => category.toUpperCase() === query.category)) return false;
  if (!query.q) return true;
  return (
    brand.title.toLowerCase().includes(query.q) ||
    (brand.brandDescription ?? '').toLowerCase().includes(query.q) ||
    brand.tags.some((tag) => tag.toLowerCase().includes(query.q)) ||
    brand.category.some((category) => category.toLowerCase().includes(query.q))
  );
}

/**
 * GET /products: the brands enabled for this client, ACTIVE and INACTIVE alike (the partner filters on status),
 * all at once without pageNo (unless the defaultPageSize switch is set), else one page with `nextCursor` pointing
 * at the next page (null on the last).
 * Answers are cached as serialised JSON until the catalogue, a client or the config changes.
 */
export function listProductsJson(
  engine: SimEngine,
  client: ClientState,
  search: URLSearchParams,
  base: string,
): string {
  const query = parseQuery(search, engine);
  const { state } = engine;
  const key = `${client.clientId}\u0000${base}\u0000${query.q}\u0000${query.category}\u0000${query.pageNo}\u0000${query.limit}`;
  const cached = state.productCache.get(key);
  if (cached !== undefined) return cached;
  const enabled: Brand[] = [];
  for (const record of state.brands.all()) {
    if (!client.notEnabledBrandIds.has(record.brand.id) && matches(record.brand, query)) enabled.push(record.brand);
  }
  let page = enabled;
  let nextCursor: unknown = null;
  if (query.pageNo !== null) {
    const start = (query.pageNo - 1) * query.limit;
    page = enabled.slice(start, start + query.limit);
    if (start + query.limit < enabled.length) {
      nextCursor =
        state.config.nextCursorShape === 'object'
          ? { pageNo: query.pageNo + 1, limit: query.limit }
          : String(query.pageNo + 1);
    }
  }
  const json = JSON.stringify({ data: page.map((brand) => brandJson(brand, base, state.config)), nextCursor });
  state.productCache.set(key, json);
  return json;
}

/** GET /products/:id: the bare Brand; unknown or not enabled → 404 E001 (or E101, a switch). */
export function getProductJson(
  engine: SimEngine,
  client: ClientState,
  id: string,
  base: string,
): Record<string, unknown> {
  const record = engine.state.brands.get(id);
  if (!record || client.notEnabledBrandIds.has(id)) {
    const debugMessage = record ? `Brand ${id} is not enabled for ${client.clientId}` : `No brand with id ${id}`;
    throw new SimError(
      engine.state.config.unknownProduct === 'not-found' ? 'RESOURCE_NOT_FOUND' : 'BRAND_NOT_ENABLED',
      { debugMessage },
    );
  }
  return brandJson(record.brand, base, engine.state.config);
}

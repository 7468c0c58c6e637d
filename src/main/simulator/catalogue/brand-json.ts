import type { SimConfig } from '../config.ts';
import type { Brand } from './catalogue-schema.ts';

const absolute = (base: string, url: string): string => (url.startsWith('/') ? `${base}${url}` : url);

/**
 * The Brand object as served: asset paths made absolute against the simulator's own address, and the category
 * list under `category` (V2/V3), `categories` (V1) or both, as the config says.
 */
export function brandJson(brand: Brand, base: string, config: SimConfig): Record<string, unknown> {
  const { category, ...rest } = brand;
  const json: Record<string, unknown> = {
    id: rest.id,
    status: rest.status,
    title: rest.title,
    brandDescription: rest.brandDescription,
  };
  if (config.brandCategoryField !== 'categories') json['category'] = category;
  if (config.brandCategoryField !== 'category') json['categories'] = category;
  Object.assign(json, rest, {
    iconImageUrl: absolute(base, brand.iconImageUrl),
    thumbnailUrl: absolute(base, brand.thumbnailUrl),
    logoUrl: absolute(base, brand.logoUrl),
    tncUrl: absolute(base, brand.tncUrl),
  });
  return json;
}

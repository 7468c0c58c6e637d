import { columnSizingFeature, createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { BrandRow } from '../../../../shared/contract/catalog.ts';
import { categoryLabel, faceValuesText, formatPercent } from './catalog-format.ts';
import type { BrandSort } from './local-search.ts';

export const brandTableFeatures = tableFeatures({ columnSizingFeature });
const helper = createColumnHelper<typeof brandTableFeatures, BrandRow>();

/** Columns the list can be sorted by (sorted in the renderer, over the whole catalog). */
export const SORTABLE: Partial<Record<string, BrandSort['by']>> = {
  name: 'name',
  status: 'status',
  faceValues: 'amount',
  discount: 'discount',
};

/** A text of a brand computed once per brand object (a list reload brings new objects), not once per render. */
function textPerBrand(text: (brand: BrandRow) => string): (brand: BrandRow) => string {
  const texts = new WeakMap<BrandRow, string>();
  return (brand) => {
    let shown = texts.get(brand);
    if (shown === undefined) texts.set(brand, (shown = text(brand)));
    return shown;
  };
}

const categoriesText = textPerBrand((brand) => brand.categories.map(categoryLabel).join(', '));
const faceValues = textPerBrand(faceValuesText);
const discountText = textPerBrand((brand) => formatPercent(brand.discountPercent));

// Every cell is its text alone, in one element, with no attribute of its own, so a keystroke that shows another
// brand in a row changes texts only (a cut cell gets its full text as a title when the pointer enters it). What a
// keystroke lays out and paints is ~0.1 ms per cell in Chromium, so the list holds what brands are compared by;
// the product ID (and its copy button) and the logo or initials are in the brand's panel.
export const brandColumns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Brand',
    size: 220,
  }),
  helper.accessor('status', { id: 'status', header: 'Status', size: 90 }),
  helper.accessor(categoriesText, { id: 'categories', header: 'Categories', size: 240 }),
  helper.accessor((row) => row.denominationType ?? '—', { id: 'type', header: 'Type', size: 90 }),
  helper.accessor(faceValues, { id: 'faceValues', header: 'Face values', size: 240 }),
  helper.accessor('discountPercent', {
    id: 'discount',
    header: 'Discount',
    size: 90,
    cell: (info) => discountText(info.row.original),
  }),
]);

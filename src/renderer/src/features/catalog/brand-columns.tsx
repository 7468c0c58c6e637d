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

export const brandColumns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Brand',
    size: 220,
    cell: (info) => (
      <>
        <span className="brand-initials" aria-hidden="true">
          {info.row.original.initials}
        </span>
        <span title={info.getValue()}>{info.getValue()}</span>
      </>
    ),
  }),
  helper.accessor('status', { id: 'status', header: 'Status', size: 100 }),
  helper.accessor((row) => row.categories.map(categoryLabel).join(', '), {
    id: 'categories',
    header: 'Categories',
    size: 220,
    cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
  }),
  helper.accessor((row) => row.denominationType ?? '—', { id: 'type', header: 'Type', size: 90 }),
  helper.accessor((row) => faceValuesText(row), {
    id: 'faceValues',
    header: 'Face values',
    size: 220,
    cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
  }),
  helper.accessor('discountPercent', {
    id: 'discount',
    header: 'Discount',
    size: 90,
    cell: (info) => formatPercent(info.getValue()),
  }),
  helper.accessor('id', { id: 'id', header: 'Product ID', size: 260 }),
]);

import type { BrandChange } from '../../../../shared/contract/catalog.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { useCatalog } from './catalog-store.ts';

/** Changes, each with its time and source; `linkBrand` makes the brand name open its detail. */
export function ChangeList({
  changes,
  label,
  linkBrand,
}: {
  changes: readonly BrandChange[];
  label: string;
  linkBrand: boolean;
}) {
  return (
    <ul className="change-list" aria-label={label}>
      {changes.map((change) => (
        <li key={change.id}>
          <DateTime at={change.at} />
          {linkBrand && (
            <button
              type="button"
              className="link-button"
              onClick={() => void useCatalog.getState().openBrand(change.brandId)}
              aria-label={`Open ${change.brandName ?? change.brandId}`}
            >
              {change.brandName ?? change.brandId}
            </button>
          )}
          <span>{change.summary}</span>
          {change.source === 'webhook' && <span className="change-source">webhook</span>}
        </li>
      ))}
    </ul>
  );
}

import type { BrandDetail } from '../../../../shared/contract/catalog.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { BrandLogo } from './BrandLogo.tsx';
import { categoryLabel, faceValuesText, formatPercent } from './catalog-format.ts';
import { useCatalog } from './catalog-store.ts';
import { ChangeList } from './ChangeList.tsx';

function Discount({ discount }: { discount: BrandDetail['discount'] }) {
  if (!discount) return <>None given</>;
  const validity =
    discount.validFrom && discount.validTo
      ? ` (valid ${discount.validFrom} to ${discount.validTo})`
      : discount.validFrom
        ? ` (valid from ${discount.validFrom}, no end date given)`
        : discount.validTo
          ? ` (valid until ${discount.validTo})`
          : ' (no validity given)';
  return (
    <>
      {formatPercent(discount.percent)}
      {validity}
    </>
  );
}

function Detail({ brand }: { brand: BrandDetail }) {
  const inactive = brand.status === 'INACTIVE';
  return (
    <>
      <div className="brand-detail__header">
        <BrandLogo brandId={brand.id} name={brand.name} initials={brand.initials} />
        <div className="brand-detail__title">
          <h2>{brand.name}</h2>
          <span className="brand-status" data-status={brand.status}>
            {brand.status}
          </span>
        </div>
        <button
          type="button"
          className="brand-detail__close"
          aria-label="Close brand detail"
          onClick={() => void useCatalog.getState().select(null)}
        >
          ×
        </button>
      </div>
      <div className="brand-detail__actions">
        <button
          type="button"
          className="button-primary"
          disabled={inactive}
          onClick={() => useCatalog.getState().orderBrand(brand)}
        >
          Order this brand
        </button>
        <CopyButton label="Copy product ID" text={brand.id} />
      </div>
      {inactive && (
        <p className="brand-detail__warning" role="note">
          INACTIVE: Hubble refuses orders for this brand (E102) until it is active again.
        </p>
      )}
      <dl className="facts brand-detail__facts">
        <dt>Product ID</dt>
        <dd className="mono">{brand.id}</dd>
        <dt>Restrictions</dt>
        <dd data-testid="brand-restrictions">{brand.restrictionsText}</dd>
        <dt>Denominations</dt>
        <dd>
          {brand.denominationType ?? 'Type not given'}: {faceValuesText(brand)}
        </dd>
        <dt>Discount</dt>
        <dd>
          <Discount discount={brand.discount} />
        </dd>
        <dt>Categories</dt>
        <dd>{brand.categories.length > 0 ? brand.categories.map(categoryLabel).join(', ') : 'None'}</dd>
        <dt>Retail modes</dt>
        <dd>
          {brand.retailModes === null ? (
            <span className="muted">Not given by Hubble</span>
          ) : (
            <ul className="tag-list" aria-label="Retail modes">
              {brand.retailModes.map((mode) => (
                <li key={mode}>{mode}</li>
              ))}
            </ul>
          )}
        </dd>
        {brand.cardType && (
          <>
            <dt>Card type</dt>
            <dd>{brand.cardType}</dd>
          </>
        )}
        {brand.redemptionType && (
          <>
            <dt>Redemption</dt>
            <dd>{brand.redemptionType}</dd>
          </>
        )}
      </dl>
      {brand.description && <p className="brand-detail__description">{brand.description}</p>}
      <h3>How to use</h3>
      {brand.usageInstructions.length === 0 ? (
        <p className="muted">No instructions given.</p>
      ) : (
        brand.usageInstructions.map((instruction) => (
          <section key={`${instruction.mode}:${instruction.name}`} aria-label={`How to use: ${instruction.name}`}>
            <h4>{instruction.name}</h4>
            <ol>
              {instruction.steps.map((step, index) => (
                <li key={index}>{step}</li>
              ))}
            </ol>
          </section>
        ))
      )}
      {(brand.termsAndConditions || brand.tncUrl) && (
        <>
          <h3>Terms and conditions</h3>
          {brand.termsAndConditions && (
            <ul>
              {brand.termsAndConditions.map((term, index) => (
                <li key={index}>{term}</li>
              ))}
            </ul>
          )}
          {brand.tncUrl && <p className="mono muted brand-detail__url">{brand.tncUrl}</p>}
        </>
      )}
      <h3>Change history ({timeZoneLabel()})</h3>
      {brand.history.length === 0 ? (
        <p className="muted">No change recorded since this brand was first synced.</p>
      ) : (
        <ChangeList changes={brand.history} label="Change history" linkBrand={false} />
      )}
    </>
  );
}

/** The selected brand: restrictions in plain words, denominations, discount, instructions and history. */
export function BrandDetailPanel() {
  const selectedId = useCatalog((state) => state.selectedId);
  const detail = useCatalog((state) => state.detail);
  const detailError = useCatalog((state) => state.detailError);
  if (selectedId === null) return null;
  return (
    <aside className="brand-detail" aria-label="Brand detail">
      {detailError ? (
        <>
          <p className="form-error" role="alert">
            {detailError}
          </p>
          <button type="button" onClick={() => void useCatalog.getState().select(null)}>
            Close
          </button>
        </>
      ) : detail ? (
        <Detail brand={detail} />
      ) : (
        <p className="muted">Loading…</p>
      )}
    </aside>
  );
}

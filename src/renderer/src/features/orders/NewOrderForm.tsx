import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { BrandDetail } from '../../../../shared/contract/catalog.ts';
import type { OrderValidation, SplitProposal, ValidationIssue } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { CustomerFields } from './CustomerFields.tsx';
import { customerDetailsOf, EMPTY_CUSTOMER } from './customer-details.ts';
import { DenominationsEditor } from './DenominationsEditor.tsx';
import { formatPaise, paiseToRupeesText } from '../../components/money.ts';
import { readDraft, totalOf, type AmountMode, type LineDraft } from './order-draft.ts';
import { useOrders, type NewOrderPrefill } from './orders-store.ts';

const VALIDATE_AFTER_MS = 300;

interface Checked {
  /** the request (as JSON) this answer is about: an older answer never speaks for a newer form */
  about: string;
  validation: OrderValidation | null;
  proposal: SplitProposal | null;
  brandError: AppErrorShape | null;
}

const isIssueList = (value: unknown): value is ValidationIssue[] =>
  Array.isArray(value) && value.every((item) => typeof item?.message === 'string' && 'code' in item);

function IssueList({ issues }: { issues: ValidationIssue[] }) {
  return (
    <ul className="order-issues">
      {issues.map((issue, index) => (
        <li key={`${issue.code}-${issue.field}-${index}`}>
          {issue.id && <span className="order-issues__id mono">{issue.id}</span>} {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** What the catalog knows of the brand: enough to choose an amount before typing one. */
function BrandFacts({ brand }: { brand: BrandDetail }) {
  return (
    <div className="order-form__brand" aria-label="Brand" role="group">
      <p>
        <strong>{brand.name}</strong> <span className="muted">· {brand.denominationType ?? 'type unknown'}</span>
        {brand.status !== 'ACTIVE' && (
          <span className="order-status--failed"> · {brand.status} (Hubble refuses its orders with E102)</span>
        )}
      </p>
      {brand.denominationsPaise && (
        <p>
          <span className="muted">Denominations: </span>
          {brand.denominationsPaise.map((paise) => formatPaise(paise)).join(', ')}
        </p>
      )}
      <p className="muted">{brand.restrictionsText}</p>
    </div>
  );
}

const linesText = (lines: NonNullable<OrderValidation['lines']>) =>
  lines.map((line) => `${line.quantity} × ${formatPaise(line.denominationPaise)}`).join(' + ');

/**
 * A new single order. Every change is checked by main against the brand's rules (Hubble's ids E150–E157 and the
 * order min/max) before the Place button is offered; a FIXED brand given an amount gets a proposed split.
 */
export function NewOrderForm({ prefill }: { prefill: NewOrderPrefill }) {
  const profile = useProfiles((state) => state.active());
  const [productId, setProductId] = useState(prefill.productId ?? '');
  const [mode, setMode] = useState<AmountMode>('amount');
  const [amount, setAmount] = useState('');
  const [lines, setLines] = useState<LineDraft[]>([{ denomination: '', quantity: '1' }]);
  const [customer, setCustomer] = useState(EMPTY_CUSTOMER);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<AppErrorShape | null>(null);
  const [refusal, setRefusal] = useState<ValidationIssue[] | null>(null);
  const productInput = useRef<HTMLInputElement>(null);
  const [catalogBrand, setCatalogBrand] = useState<BrandDetail | null>(null);

  useEffect(() => {
    productInput.current?.focus();
  }, []);

  const reading = useMemo(
    () => readDraft({ productId, mode, amount, lines, customerDetails: customerDetailsOf(customer) }),
    [productId, mode, amount, lines, customer],
  );
  const about = reading.request ? JSON.stringify(reading.request) : '';

  useEffect(() => {
    const request = reading.request;
    if (!request) return;
    let current = true;
    const timer = setTimeout(async () => {
      const orders = useOrders.getState();
      const [validation, proposal] = await Promise.all([
        orders.validate(request),
        request.amountPaise !== undefined ? orders.proposeSplit(request.productId, request.amountPaise) : null,
      ]);
      if (!current) return;
      setChecked({
        about: JSON.stringify(request),
        validation: validation.ok ? validation.value : null,
        proposal: proposal?.ok ? proposal.value : null,
        brandError: validation.ok ? null : validation.error,
      });
    }, VALIDATE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // the request's JSON is its identity: a re-render with the same request must not validate again
  }, [about]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const id = productId.trim();
    let current = true;
    const timer = setTimeout(async () => {
      const brand = id ? await useOrders.getState().brandDetails(id) : null;
      if (current) setCatalogBrand(brand);
    }, VALIDATE_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [productId]);

  const brand = catalogBrand && catalogBrand.id === productId.trim() ? catalogBrand : null;
  const answer = checked && checked.about === about ? checked : null;
  const validation = answer?.validation ?? null;
  const proposal = answer?.proposal ?? null;
  const brandType =
    brand?.denominationType ??
    (proposal ? (proposal.ok || proposal.reason !== 'not-fixed' ? 'FIXED' : 'FLEXIBLE') : null);
  const issues = [...reading.issues, ...(validation?.issues ?? [])];
  const total =
    validation?.amountPaise ??
    (reading.request?.denominations ? totalOf(reading.request.denominations) : reading.request?.amountPaise) ??
    null;
  const ready = reading.request !== null && validation !== null && issues.length === 0 && !placing;
  const brandWords =
    brand?.name ?? prefill.brandName ?? (productId.trim() ? `brand ${productId.trim()}` : 'this brand');

  const useSplit = () => {
    if (!proposal?.ok) return;
    setLines(
      proposal.lines.map((line) => ({
        denomination: paiseToRupeesText(line.denominationPaise),
        quantity: String(line.quantity),
      })),
    );
    setMode('denominations');
  };

  const place = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || !reading.request) return;
    setPlacing(true);
    setPlaceError(null);
    setRefusal(null);
    const result = await useOrders
      .getState()
      .place(reading.request, `an order of ${formatPaise(total)} for ${brandWords}`);
    setPlacing(false);
    if (result.ok) return;
    const details = result.error.details as { issues?: unknown } | undefined;
    if (result.error.kind === 'VALIDATION' && isIssueList(details?.issues)) setRefusal(details.issues);
    else setPlaceError(result.error);
  };

  return (
    <aside className="order-detail order-form" aria-label="New order">
      <header className="order-detail__header">
        <h2>New order</h2>
        <button
          type="button"
          className="order-detail__close"
          aria-label="Close new order"
          onClick={() => useOrders.getState().closePanel()}
        >
          ×
        </button>
      </header>
      <form onSubmit={(event) => void place(event)} aria-describedby="order-form-checks">
        <label className="order-form__field">
          Brand product ID
          <input
            ref={productInput}
            className="mono"
            required
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. 01J… from the catalog"
            value={productId}
            onChange={(event) => setProductId(event.target.value)}
          />
        </label>
        {brand ? <BrandFacts brand={brand} /> : prefill.brandName && <p className="muted">{prefill.brandName}</p>}

        <fieldset className="order-form__mode">
          <legend>How much</legend>
          <label>
            <input type="radio" name="order-mode" checked={mode === 'amount'} onChange={() => setMode('amount')} />
            An amount (a split is proposed for FIXED brands)
          </label>
          <label>
            <input
              type="radio"
              name="order-mode"
              checked={mode === 'denominations'}
              onChange={() => setMode('denominations')}
            />
            Denominations × quantities
          </label>
        </fieldset>

        {mode === 'amount' ? (
          <label className="order-form__field">
            Amount (₹)
            <input
              inputMode="decimal"
              className="order-amount-input"
              autoComplete="off"
              placeholder="6,250"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </label>
        ) : (
          <DenominationsEditor lines={lines} onChange={setLines} />
        )}

        <CustomerFields value={customer} onChange={setCustomer} />

        <section id="order-form-checks" className="order-form__checks" aria-label="Checks" aria-live="polite">
          {answer?.brandError && <OperationErrorMessage error={answer.brandError} />}
          {brandType && (
            <p>
              <span className="muted">Brand type: </span>
              {brandType}
            </p>
          )}
          {validation?.lines && issues.length === 0 && (
            <p data-testid="order-would-send">
              <span className="muted">Will send: </span>
              {linesText(validation.lines)} = <strong>{formatPaise(total)}</strong>
            </p>
          )}
          {mode === 'amount' && proposal?.ok && (
            <button type="button" onClick={useSplit}>
              Edit these denominations
            </button>
          )}
          {mode === 'amount' && proposal && !proposal.ok && proposal.reason !== 'not-fixed' && (
            <p className="order-issues__note">{proposal.message}</p>
          )}
          {issues.length > 0 && (
            <div role="alert" aria-label="Problems with this order">
              <p>Not sent — fix these first:</p>
              <IssueList issues={issues} />
            </div>
          )}
          {reading.request && !answer && issues.length === 0 && (
            <p className="muted">Checking with the brand’s rules…</p>
          )}
        </section>

        {refusal && (
          <div className="form-error" role="alert" aria-label="Refused before sending">
            <p>Not placed: the brand’s rules refuse it.</p>
            <IssueList issues={refusal} />
          </div>
        )}
        <OperationErrorMessage error={placeError} />

        <div className="order-form__actions">
          <button type="submit" className="button-primary" disabled={!ready}>
            {placing ? 'Placing…' : `Place order${total !== null ? ` for ${formatPaise(total)}` : ''}`}
          </button>
          {profile && (
            <span className="muted">
              on {profile.name} ({profile.environment})
            </span>
          )}
        </div>
      </form>
    </aside>
  );
}

import type { FormEvent } from 'react';
import type { OrderFilters as Filters, OrderSource } from '../../../../shared/contract/orders.ts';
import { timeZoneLabel } from '../../components/format-time.ts';
import { useFilterDraft, withoutEmpty } from '../../components/use-filter-draft.ts';
import { fromInputTime, toInputTime } from '../../components/input-time.ts';
import { KNOWN_STATUSES, SOURCE_LABELS } from './order-status.ts';
import { useOrders } from './orders-store.ts';

/** `UNKNOWN` in the status choice is the intent filter: orders whose outcome is still being resolved. */
const UNKNOWN_CHOICE = 'UNKNOWN';
/** `STUCK`: PROCESSING for longer than the profile's threshold. */
const STUCK_CHOICE = 'STUCK';

interface Draft {
  text: string;
  status: string;
  brandId: string;
  source: '' | OrderSource;
  batchId: string;
  from: string;
  to: string;
}

const draftOf = (filters: Filters): Draft => ({
  text: filters.text ?? '',
  status: filters.intentState === 'unknown' ? UNKNOWN_CHOICE : filters.stuck ? STUCK_CHOICE : (filters.status ?? ''),
  brandId: filters.brandId ?? '',
  source: filters.source ?? '',
  batchId: filters.batchId ?? '',
  from: toInputTime(filters.from),
  to: toInputTime(filters.to),
});

/** The form as filters: an empty field is no filter. */
export function filtersOf(draft: Draft): Filters {
  const text = (value: string) => value.trim() || undefined;
  const filters: Filters = {
    text: text(draft.text),
    brandId: text(draft.brandId),
    source: draft.source || undefined,
    batchId: text(draft.batchId),
    from: fromInputTime(draft.from),
    to: fromInputTime(draft.to),
  };
  if (draft.status === UNKNOWN_CHOICE) filters.intentState = 'unknown';
  else if (draft.status === STUCK_CHOICE) filters.stuck = true;
  else if (draft.status) filters.status = draft.status;
  return withoutEmpty(filters);
}

/** Filters apply on Enter / Search (a select applies at once), so typing never floods main with queries. */
export function OrderFilters() {
  const filters = useOrders((state) => state.filters);
  const { draft, setDraft, field } = useFilterDraft(filters, draftOf);
  const choice = (name: 'status' | 'source') => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => {
      const next = { ...draft, [name]: event.target.value };
      setDraft(next);
      void useOrders.getState().search(filtersOf(next));
    },
  });
  const apply = (event: FormEvent) => {
    event.preventDefault();
    void useOrders.getState().search(filtersOf(draft));
  };

  return (
    <form className="orders-filters" role="search" aria-label="Filter orders" onSubmit={apply}>
      <label className="orders-filters__text">
        Search
        <input className="mono" placeholder="order ID, referenceId or brand name" {...field('text')} />
      </label>
      <label>
        Status
        <select {...choice('status')}>
          <option value="">any</option>
          {KNOWN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
          <option value={STUCK_CHOICE}>stuck in PROCESSING</option>
          <option value={UNKNOWN_CHOICE}>outcome unknown</option>
        </select>
      </label>
      <label>
        Source
        <select {...choice('source')}>
          <option value="">any</option>
          {Object.entries(SOURCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Brand ID
        <input className="mono" {...field('brandId')} />
      </label>
      <label>
        Batch
        <input className="mono" {...field('batchId')} />
      </label>
      <label>
        From ({timeZoneLabel()})
        <input type="datetime-local" {...field('from')} />
      </label>
      <label>
        To ({timeZoneLabel()})
        <input type="datetime-local" {...field('to')} />
      </label>
      <div className="orders-filters__actions">
        <button type="submit" className="button-primary">
          Search
        </button>
        <button type="button" onClick={() => void useOrders.getState().search({})}>
          Clear
        </button>
      </div>
    </form>
  );
}

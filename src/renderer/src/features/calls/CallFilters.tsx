import type { FormEvent } from 'react';
import type { CallFilters as Filters } from '../../../../shared/contract/calls.ts';
import { useFilterDraft, withoutEmpty } from '../../components/use-filter-draft.ts';
import { useCalls } from './calls-store.ts';
import { fromInputTime, toInputTime } from '../../components/input-time.ts';

type StatusChoice = '' | '2xx' | '3xx' | '4xx' | '5xx' | 'none';

interface Draft {
  requestId: string;
  orderId: string;
  referenceId: string;
  path: string;
  status: string;
  errorId: string;
  outcome: '' | 'ok' | 'failed' | 'unknown';
  from: string;
  to: string;
}

const draftOf = (filters: Filters): Draft => ({
  requestId: filters.requestId ?? '',
  orderId: filters.orderId ?? '',
  referenceId: filters.referenceId ?? '',
  path: filters.path ?? '',
  status: filters.httpStatus !== undefined ? String(filters.httpStatus) : (filters.statusClass ?? ''),
  errorId: filters.errorId ?? '',
  outcome: filters.outcome ?? '',
  from: toInputTime(filters.from),
  to: toInputTime(filters.to),
});

/** Turns the form into filters: empty fields are no filter; a status is a number or a class such as 5xx. */
export function filtersOf(draft: Draft): Filters {
  const text = (value: string) => value.trim() || undefined;
  const status = draft.status.trim();
  const filters: Filters = {
    requestId: text(draft.requestId),
    orderId: text(draft.orderId),
    referenceId: text(draft.referenceId),
    path: text(draft.path),
    errorId: text(draft.errorId),
    outcome: draft.outcome || undefined,
    from: fromInputTime(draft.from),
    to: fromInputTime(draft.to),
  };
  if (/^\d{1,3}$/.test(status)) filters.httpStatus = Number(status);
  else if (['2xx', '3xx', '4xx', '5xx', 'none'].includes(status))
    filters.statusClass = status as Exclude<StatusChoice, ''>;
  return withoutEmpty(filters);
}

/** The search form. Text fields apply on Enter / Search, so typing never floods main with queries. */
export function CallFilters() {
  const filters = useCalls((state) => state.filters);
  const { draft, field } = useFilterDraft(filters, draftOf);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    void useCalls.getState().search(filtersOf(draft));
  };
  const clear = () => void useCalls.getState().search({});

  return (
    <form className="calls-filters" role="search" aria-label="Filter calls" onSubmit={apply}>
      <label>
        X-REQUEST-ID
        <input className="mono" placeholder="paste an X-REQUEST-ID" {...field('requestId')} />
      </label>
      <label>
        Order ID
        <input className="mono" {...field('orderId')} />
      </label>
      <label>
        Reference ID
        <input className="mono" {...field('referenceId')} />
      </label>
      <label>
        Path contains
        <input placeholder="/orders" {...field('path')} />
      </label>
      <label>
        HTTP status
        <input list="calls-status-choices" placeholder="400, 5xx, none" {...field('status')} />
        <datalist id="calls-status-choices">
          <option value="2xx" />
          <option value="4xx" />
          <option value="5xx" />
          <option value="none" />
        </datalist>
      </label>
      <label>
        Error
        <input placeholder="E300, timeout, whitelisting" {...field('errorId')} />
      </label>
      <label>
        Outcome
        <select {...field('outcome')}>
          <option value="">any</option>
          <option value="ok">ok</option>
          <option value="failed">failed</option>
          <option value="unknown">unknown (resolve by reference)</option>
        </select>
      </label>
      <label>
        From
        <input type="datetime-local" {...field('from')} />
      </label>
      <label>
        To
        <input type="datetime-local" {...field('to')} />
      </label>
      <div className="calls-filters__actions">
        <button type="submit" className="button-primary">
          Search
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { parseRupees } from '../../components/money.ts';
import { categoryLabel } from './catalog-format.ts';
import { useCatalog } from './catalog-store.ts';
import type { StatusChoice } from './local-search.ts';

const STATUS_CHOICES: { value: StatusChoice; label: string }[] = [
  { value: 'hide-inactive', label: 'Hide INACTIVE' },
  { value: 'all', label: 'All, INACTIVE greyed' },
  { value: 'inactive-only', label: 'Only INACTIVE' },
];

/** A number typed in a range box: empty is no bound; anything else must read as a number in [0, max]. */
function readBound(text: string, read: (text: string) => number | null): { ok: true; value?: number } | { ok: false } {
  if (text.trim() === '') return { ok: true };
  const value = read(text);
  return value === null ? { ok: false } : { ok: true, value };
}

const readPercent = (text: string) => {
  const value = Number(text.trim().replace(/%$/, ''));
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
};
const readRupees = (text: string) => {
  const parsed = parseRupees(text);
  return parsed.ok ? parsed.paise : null;
};

/** One bound of a range: applied as soon as it reads, marked invalid (and not applied) when it does not. */
function BoundInput({
  label,
  read,
  apply,
  placeholder,
}: {
  label: string;
  read: (text: string) => number | null;
  apply: (value: number | undefined) => void;
  placeholder?: string;
}) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <input
        inputMode="decimal"
        value={text}
        placeholder={placeholder}
        aria-invalid={invalid}
        onChange={(event) => {
          setText(event.target.value);
          const bound = readBound(event.target.value, read);
          setInvalid(!bound.ok);
          if (bound.ok) apply(bound.value);
        }}
      />
    </label>
  );
}

/**
 * The name, applied per keystroke (the list is filtered in the renderer); only this box re-renders as one types.
 * It is a form of its own: Chromium's autofill reads the form of a field on every change, and a field outside
 * any form belongs to one made of every formless control of the page (half its work per keystroke, measured).
 * Enter submits nothing: the list already shows the matches.
 */
function NameSearch() {
  const text = useCatalog((state) => state.filters.text);
  return (
    <form className="catalog-filters__name-form" onSubmit={(event) => event.preventDefault()}>
      <label className="catalog-filters__name">
        Search brands by name
        <input
          type="search"
          value={text}
          placeholder="e.g. Amazon"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => useCatalog.getState().setText(event.target.value)}
        />
      </label>
    </form>
  );
}

/** Name search and the filters beside it. */
export function BrandFilters() {
  const category = useCatalog((state) => state.filters.categories[0] ?? '');
  const denominationType = useCatalog((state) => state.filters.denominationTypes[0] ?? '');
  const status = useCatalog((state) => state.filters.status);
  const categories = useCatalog((state) => state.status?.categories);
  // "Clear filters" empties the range boxes too: they start again under a new key.
  const clears = useCatalog((state) => state.clears);
  const catalog = useCatalog.getState;

  return (
    <div className="catalog-filters" role="search" aria-label="Filter brands">
      <NameSearch />
      <label>
        Category
        <select
          value={category}
          onChange={(event) => catalog().setFilters({ categories: event.target.value ? [event.target.value] : [] })}
        >
          <option value="">All categories</option>
          {(categories ?? []).map(({ category, count }) => (
            <option key={category} value={category}>
              {categoryLabel(category)} ({count.toLocaleString('en-IN')})
            </option>
          ))}
        </select>
      </label>
      <label>
        Denomination type
        <select
          value={denominationType}
          onChange={(event) =>
            catalog().setFilters({ denominationTypes: event.target.value ? [event.target.value] : [] })
          }
        >
          <option value="">Any</option>
          <option value="FIXED">FIXED</option>
          <option value="FLEXIBLE">FLEXIBLE (a range)</option>
        </select>
      </label>
      <label>
        Status
        <select
          value={status}
          onChange={(event) => catalog().setFilters({ status: event.target.value as StatusChoice })}
        >
          {STATUS_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="catalog-filters__range">
        <legend>Discount (%)</legend>
        <BoundInput
          key={`Discount from ${clears}`}
          label="Discount from"
          placeholder="0"
          read={readPercent}
          apply={(value) => catalog().setFilters({ discountMin: value })}
        />
        <BoundInput
          key={`Discount to ${clears}`}
          label="Discount to"
          placeholder="100"
          read={readPercent}
          apply={(value) => catalog().setFilters({ discountMax: value })}
        />
      </fieldset>
      <fieldset className="catalog-filters__range">
        <legend>Voucher amount (₹)</legend>
        <BoundInput
          key={`Amount from ${clears}`}
          label="Amount from"
          placeholder="₹"
          read={readRupees}
          apply={(value) => catalog().setFilters({ amountFromPaise: value })}
        />
        <BoundInput
          key={`Amount to ${clears}`}
          label="Amount to"
          placeholder="₹"
          read={readRupees}
          apply={(value) => catalog().setFilters({ amountToPaise: value })}
        />
      </fieldset>
      <button type="button" onClick={() => catalog().clearFilters()}>
        Clear filters
      </button>
    </div>
  );
}

import { useState } from 'react';

/**
 * A filter form's draft: what the operator is typing, applied only on submit (so typing never floods main with
 * queries), and replaced whenever the applied filters change from elsewhere (the palette, Clear, a deep link).
 */
export function useFilterDraft<TFilters, TDraft extends { [K in keyof TDraft]: string }>(
  filters: TFilters,
  draftOf: (filters: TFilters) => TDraft,
) {
  const [draft, setDraft] = useState<TDraft>(() => draftOf(filters));
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setDraft(draftOf(filters));
  }
  const field = (name: keyof TDraft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [name]: event.target.value }) as TDraft),
  });
  return { draft, setDraft, field };
}

/** Filters without their empty fields: an empty field is no filter. */
export const withoutEmpty = <TFilters extends object>(filters: TFilters): TFilters =>
  Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as TFilters;

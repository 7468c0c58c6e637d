import { verdictSchema } from '../../../../shared/contract/receiver.ts';
import { WEBHOOK_TYPES } from '../../../../shared/webhooks/webhook-types.ts';
import { TIME_WINDOWS, useReceived, type ReceivedFilters as Filters, type TimeWindow } from './received-store.ts';
import { VERDICT_WORDS } from './received-words.ts';

/** Type, verdict and time: each change reads the list again from main (keyset pages, newest first). */
export function ReceivedFilters() {
  const filters = useReceived((state) => state.filters);
  const setFilters = (patch: Partial<Filters>) => void useReceived.getState().setFilters(patch);
  return (
    <form className="rx-filters" aria-label="Filter received webhooks" onSubmit={(event) => event.preventDefault()}>
      <label>
        Type
        <select value={filters.type} onChange={(event) => setFilters({ type: event.target.value as Filters['type'] })}>
          <option value="">All types</option>
          {WEBHOOK_TYPES.map((type) => (
            <option key={type.id} value={type.id}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Verdict
        <select
          value={filters.verdict}
          onChange={(event) => setFilters({ verdict: event.target.value as Filters['verdict'] })}
        >
          <option value="">All verdicts</option>
          {verdictSchema.options.map((verdict) => (
            <option key={verdict} value={verdict}>
              {VERDICT_WORDS[verdict]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Received
        <select value={filters.window} onChange={(event) => setFilters({ window: event.target.value as TimeWindow })}>
          {Object.entries(TIME_WINDOWS).map(([id, window]) => (
            <option key={id} value={id}>
              {window.label}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

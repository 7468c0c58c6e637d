import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useOrders } from './orders-store.ts';

const FOUND_TEXT = {
  local: (value: string) => `${value}: found in this console.`,
  hubble: (value: string) => `${value}: found in Hubble and stored here (source: looked up).`,
  none: (value: string) => `Neither this console nor Hubble has an order ${value} on this profile.`,
} as const;

/** Paste an orderId or referenceId from a ticket: the stored order, else a live lookup in Hubble. */
export function OrderLookup() {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const notice = useOrders((state) => state.lookupNotice);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const id = value.trim();
    if (!id) return;
    setBusy(true);
    setError(null);
    const result = await useOrders.getState().lookup(id);
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <form
      className="orders-lookup"
      role="search"
      aria-label="Look up an order"
      onSubmit={(event) => void submit(event)}
    >
      <label>
        Order ID or reference ID
        <input
          className="mono"
          placeholder="paste from a ticket"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Looking up…' : 'Look up'}
      </button>
      <span role="status" className="muted">
        {notice ? FOUND_TEXT[notice.found](notice.value) : ''}
      </span>
      <OperationErrorMessage error={error} />
    </form>
  );
}

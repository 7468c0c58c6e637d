import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_STUCK_AFTER_MINUTES } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useOrders } from './orders-store.ts';

/** After how long PROCESSING an order is flagged stuck on this profile (the watcher keeps polling either way). */
export function StuckSetting({ profileId }: { profileId: string | undefined }) {
  const [minutes, setMinutes] = useState(String(DEFAULT_STUCK_AFTER_MINUTES));
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let current = true;
    void useOrders
      .getState()
      .watchSettings()
      .then((result) => {
        if (current && result.ok) setMinutes(String(result.value.stuckAfterMinutes));
      });
    return () => {
      current = false;
    };
  }, [profileId]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    const result = await useOrders.getState().setWatchSettings({ stuckAfterMinutes: Number(minutes) });
    if (result.ok) setSaved(`Saved: stuck after ${result.value.stuckAfterMinutes} min`);
    else setError(result.error);
  };

  return (
    <form className="orders-stuck-setting" aria-label="Stuck threshold" onSubmit={(event) => void save(event)}>
      <label>
        Flag PROCESSING as stuck after
        <span>
          <input
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={minutes}
            onChange={(event) => setMinutes(event.target.value)}
          />{' '}
          min
        </span>
      </label>
      <button type="submit">Save</button>
      <span role="status" className="muted">
        {saved}
      </span>
      <OperationErrorMessage error={error} />
    </form>
  );
}

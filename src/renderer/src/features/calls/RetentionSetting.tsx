import { useEffect, useState, type FormEvent } from 'react';
import { useCalls } from './calls-store.ts';

/** How many days of calls this profile keeps; shrinking it deletes older calls at once. */
export function RetentionSetting({ profileId }: { profileId: string | undefined }) {
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void useCalls
      .getState()
      .retention()
      .then((result) => live && result.ok && setDays(String(result.value.days)));
    return () => {
      live = false;
    };
  }, [profileId]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await useCalls.getState().setRetention(Number(days));
    setMessage(
      result.ok
        ? `Keeping ${result.value.days} days; ${result.value.deleted} older calls deleted.`
        : result.error.message,
    );
  };
  return (
    <form className="calls-retention" onSubmit={(event) => void save(event)}>
      <label>
        Keep calls for
        <input
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          aria-label="Days of calls to keep"
        />{' '}
        days
      </label>
      <button type="submit">Save</button>
      {message && <span role="status">{message}</span>}
    </form>
  );
}

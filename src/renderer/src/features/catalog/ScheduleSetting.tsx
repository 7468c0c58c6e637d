import { useState, type FormEvent } from 'react';
import type { CatalogSchedule, EffectiveSchedule } from '../../../../shared/contract/catalog.ts';
import { scheduleText, WEEK_DAYS } from './catalog-format.ts';
import { useCatalog } from './catalog-store.ts';

type Kind = 'profile' | CatalogSchedule['kind'];

interface Draft {
  kind: Kind;
  minute: string;
  at: string;
  day: string;
}

const draftOf = (schedule: EffectiveSchedule | undefined, source: 'catalog' | 'profile' | undefined): Draft => ({
  kind: source === 'catalog' && schedule && schedule.kind !== 'interval' ? schedule.kind : 'profile',
  minute: schedule?.kind === 'hourly' ? String(schedule.minute) : '0',
  at: schedule?.kind === 'daily' || schedule?.kind === 'weekly' ? schedule.at : '02:00',
  day: schedule?.kind === 'weekly' ? String(schedule.day) : '1',
});

function scheduleOf(draft: Draft): CatalogSchedule | null | string {
  switch (draft.kind) {
    case 'profile':
      return null;
    case 'off':
      return { kind: 'off' };
    case 'hourly': {
      const minute = Number(draft.minute);
      return Number.isInteger(minute) && minute >= 0 && minute <= 59
        ? { kind: 'hourly', minute }
        : 'The minute is a whole number from 0 to 59.';
    }
    case 'daily':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.at) ? { kind: 'daily', at: draft.at } : 'Enter a time as HH:MM.';
    case 'weekly':
      return /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.at)
        ? { kind: 'weekly', day: Number(draft.day), at: draft.at }
        : 'Enter a time as HH:MM.';
  }
}

/** The sync schedule: the operator's own (off, hourly, daily at a time, weekly), or the profile's default. */
export function ScheduleSetting() {
  const status = useCatalog((state) => state.status);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!status) return null;
  const shown = draft ?? draftOf(status.schedule, status.scheduleSource);
  const patch = (change: Partial<Draft>) => setDraft({ ...shown, ...change });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const schedule = scheduleOf(shown);
    if (typeof schedule === 'string') {
      setError(schedule);
      return;
    }
    const result = await useCatalog.getState().setSchedule(schedule);
    setError(result.ok ? null : result.error.message);
    if (result.ok) setDraft(null);
  };

  return (
    <details className="catalog-schedule">
      <summary>
        Schedule: {scheduleText(status.schedule)}
        {status.scheduleSource === 'profile' ? ' (profile default)' : ''}
      </summary>
      <form onSubmit={(event) => void save(event)} aria-label="Sync schedule">
        <label>
          Sync the catalog
          <select value={shown.kind} onChange={(event) => patch({ kind: event.target.value as Kind })}>
            <option value="profile">As the profile says (catalog sync hours)</option>
            <option value="off">Off (only by hand)</option>
            <option value="hourly">Hourly</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
        </label>
        {shown.kind === 'hourly' && (
          <label>
            At minute
            <input
              type="number"
              min={0}
              max={59}
              value={shown.minute}
              onChange={(event) => patch({ minute: event.target.value })}
            />
          </label>
        )}
        {shown.kind === 'weekly' && (
          <label>
            On
            <select value={shown.day} onChange={(event) => patch({ day: event.target.value })}>
              {WEEK_DAYS.map((day, index) => (
                <option key={day} value={index}>
                  {day}
                </option>
              ))}
            </select>
          </label>
        )}
        {(shown.kind === 'daily' || shown.kind === 'weekly') && (
          <label>
            At (your time)
            <input type="time" value={shown.at} onChange={(event) => patch({ at: event.target.value })} />
          </label>
        )}
        <button type="submit">Save schedule</button>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </form>
    </details>
  );
}

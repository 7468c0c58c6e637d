import { useState, type FormEvent } from 'react';
import { timeZoneLabel } from './format-time.ts';
import { fromInputTime, toInputTime } from './input-time.ts';
import {
  checkAbsoluteRange,
  RANGE_PRESETS,
  REFRESH_CHOICES,
  resolveRange,
  type RangePresetId,
  type RefreshMs,
  type TimeRange,
} from './time-range.ts';
import './chart-page.css';

interface Props {
  range: TimeRange;
  onRange(range: TimeRange): void;
  refreshMs?: RefreshMs;
  onRefresh?(ms: RefreshMs): void;
  onReload?(): void;
  loading?: boolean;
}

/**
 * Grafana's picker: quick relative ranges as buttons, an absolute from / to in the operator's zone, auto-refresh
 * and a reload. The same control on every chart page.
 */
export function TimeRangePicker({ range, onRange, refreshMs, onRefresh, onReload, loading = false }: Props) {
  const [custom, setCustom] = useState(range.kind === 'absolute');
  const [from, setFrom] = useState(() => toInputTime(resolveRange(range, Date.now()).from));
  const [to, setTo] = useState(() => toInputTime(resolveRange(range, Date.now()).to));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(range);
  if (shown !== range) {
    setShown(range);
    if (range.kind === 'absolute') {
      setCustom(true);
      setFrom(toInputTime(range.from));
      setTo(toInputTime(range.to));
    }
  }

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const start = fromInputTime(from);
    const end = fromInputTime(to);
    const issue = checkAbsoluteRange(start, end);
    setProblem(issue);
    if (!issue) onRange({ kind: 'absolute', from: start!, to: end! });
  };
  const pickPreset = (preset: RangePresetId) => {
    setCustom(false);
    setProblem(null);
    onRange({ kind: 'relative', preset });
  };

  return (
    <div className="range-picker">
      <div className="range-picker__presets" role="group" aria-label="Time range">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            title={preset.label}
            aria-pressed={range.kind === 'relative' && range.preset === preset.id}
            onClick={() => pickPreset(preset.id)}
          >
            {preset.short}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={range.kind === 'absolute'}
          aria-expanded={custom}
          onClick={() => setCustom((open) => !open)}
        >
          Custom…
        </button>
      </div>
      {onRefresh && (
        <label className="range-picker__refresh">
          Auto-refresh
          <select value={refreshMs} onChange={(event) => onRefresh(Number(event.target.value) as RefreshMs)}>
            {REFRESH_CHOICES.map((choice) => (
              <option key={choice.ms} value={choice.ms}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {onReload && (
        <button type="button" onClick={onReload} aria-busy={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      )}
      {custom && (
        <form className="range-picker__custom" aria-label="Custom time range" onSubmit={apply}>
          <label>
            From ({timeZoneLabel()})
            <input type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} />
          </label>
          <label>
            To
            <input type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} />
          </label>
          <button type="submit" className="button-primary">
            Apply range
          </button>
          {problem && (
            <span className="form-error" role="alert">
              {problem}
            </span>
          )}
        </form>
      )}
    </div>
  );
}

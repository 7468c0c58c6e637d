import type { RateLimitMeters } from '../../../../shared/contract/metrics.ts';
import { formatCount, formatPercent } from '../../components/chart-format.ts';
import { DrillButton } from './DrillButton.tsx';
import { GoButton } from '../../components/GoButton.tsx';
import { EmptyState, Panel } from '../../components/Panel.tsx';
import { describeLimit, meterLevel, usedOfCapacity } from './rate-limit-words.ts';

/** Usage of each rate limit in its IST window, amber from the alert threshold, with the E400s seen. */
export function RateLimitPanel({ meters, warnAt }: { meters: RateLimitMeters | null; warnAt: number }) {
  const failures = meters?.rateLimitFailures;
  return (
    <Panel
      id="panel-rate-limits"
      title="Rate limits"
      subtitle={`Accepted orders against the allocations on this profile; amber from ${formatPercent(warnAt)} (the rate-limit alert).`}
      empty={
        !meters ? (
          <EmptyState>Rate-limit usage could not be read.</EmptyState>
        ) : meters.meters.length === 0 ? (
          <EmptyState>
            <p>No rate limits are set on this profile.</p>
            <p>
              Add the allocations Hubble gave you (partner and brand, amount and count) in{' '}
              <GoButton area="profiles">Profiles</GoButton> to see how close you are.
            </p>
          </EmptyState>
        ) : undefined
      }
    >
      <ul className="meters" aria-label="Rate-limit meters">
        {meters?.meters.map((meter, index) => {
          const level = meterLevel(meter.percentUsed, warnAt);
          const name = describeLimit(meter);
          return (
            <li key={index} className={`meter meter--${level}`} data-level={level}>
              <div className="meter__label">
                <span>{name}</span>
                <strong>{formatPercent(meter.percentUsed, meter.percentUsed < 10 ? 1 : 0)}</strong>
              </div>
              <div
                className="meter__track"
                role="meter"
                aria-label={name}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.min(100, Math.round(meter.percentUsed * 10) / 10)}
                aria-valuetext={`${formatPercent(meter.percentUsed, 1)} used: ${usedOfCapacity(meter)}`}
              >
                <div className="meter__fill" style={{ width: `${Math.min(100, meter.percentUsed)}%` }} />
                <div className="meter__mark" style={{ left: `${Math.min(100, warnAt)}%` }} />
              </div>
              <div className="meter__detail muted">
                {usedOfCapacity(meter)}
                {meter.uncertain > 0 && ` · ${formatCount(meter.uncertain)} with an unknown outcome may count too`}
                {meter.worst && ` · fullest: ${meter.worst}`}
              </div>
            </li>
          );
        })}
      </ul>
      {failures && (
        <p className="meters__failures">
          E400 RATE_LIMIT_EXCEEDED: <strong>{formatCount(failures.hour)}</strong> this hour,{' '}
          <strong>{formatCount(failures.day)}</strong> today (IST){' '}
          {failures.day > 0 && <DrillButton drill={failures.drill} what="rate-limit failures today" />}
        </p>
      )}
    </Panel>
  );
}

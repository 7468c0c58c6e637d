import type { TooltipContentProps } from 'recharts';
import { formatDateTime } from './format-time.ts';
import './chart-panel.css';

export interface TooltipLine {
  label: string;
  value: string;
  colour?: string;
}

/**
 * A tooltip body: the bucket's time, then exact values with their units; `hint` says what a click opens.
 * Returns the content function recharts' Tooltip takes.
 */
export function tooltipOf<T>(lines: (point: T) => TooltipLine[], hint?: (point: T) => string | null) {
  return function ChartTooltip({ active, payload }: TooltipContentProps) {
    const point = payload?.[0]?.payload as (T & { at?: number }) | undefined;
    if (!active || !point) return null;
    const click = hint?.(point);
    return (
      <div className="chart-tooltip">
        {point.at !== undefined && <div className="chart-tooltip__time">{formatDateTime(point.at)}</div>}
        <dl>
          {lines(point).map((line) => (
            <div key={line.label}>
              <dt>
                {line.colour && <span className="chart-tooltip__swatch" style={{ background: line.colour }} />}
                {line.label}
              </dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
        {click && <div className="chart-tooltip__hint">{click}</div>}
      </div>
    );
  };
}

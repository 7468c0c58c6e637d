import type { XAxisProps } from 'recharts';
import { formatTick, timeTicks } from './chart-format.ts';

/** The height of a time chart on the chart pages. */
export const CHART_HEIGHT = 220;

/** The shared time axis: the page's range, ticks on the operator's round hours or days. */
export function timeAxis(from: number, to: number): XAxisProps {
  return {
    dataKey: 'at',
    type: 'number',
    scale: 'time',
    domain: [from, to],
    ticks: timeTicks(from, to),
    tickFormatter: (at: number) => formatTick(at, to - from),
    allowDataOverflow: true,
    minTickGap: 16,
  };
}

import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, XAxis } from 'recharts';
import type { DrillDown } from '../../../../shared/contract/metrics.ts';
import { clickedIndex } from './chart-parts.tsx';
import { CHART_HEIGHT, timeAxis } from '../../components/time-axis.ts';
import { openDrillDown } from './open-drill-down.ts';

interface Props {
  slots: { at: number; drill: DrillDown | null }[];
  from: number;
  to: number;
  /** The axes, series and markers; rendered as the chart's own children so recharts finds them. */
  children: ReactNode;
}

/** A time-series chart over the page's range whose buckets open the calls or orders behind them when clicked. */
export function DrillableChart({ slots, from, to, children }: Props) {
  return (
    <ComposedChart
      className="chart chart--clickable"
      style={{ width: '100%', height: CHART_HEIGHT }}
      responsive
      data={slots}
      margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
      onClick={(state) => {
        const slot = slots[clickedIndex(state) ?? -1];
        if (slot?.drill) void openDrillDown(slot.drill);
      }}
    >
      <CartesianGrid vertical={false} />
      <XAxis {...timeAxis(from, to)} />
      {children}
    </ComposedChart>
  );
}

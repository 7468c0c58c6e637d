import type { ComponentProps } from 'react';
import { Area, ReferenceLine, Tooltip, YAxis } from 'recharts';
import { shortPaise } from './money.ts';

/** The wallet's colours wherever its balance is drawn: the balance itself and the low-balance minimum. */
export const BALANCE_COLOURS = {
  balance: '#0ea5e9',
  minimum: '#d97706',
} as const;

/** A value axis that holds every point and the threshold line too (a minimum far below the balance still shows). */
export function domainWith(values: readonly number[], extra: number | null): [number, number] | ['auto', 'auto'] {
  const all = extra === null ? [...values] : [...values, extra];
  if (all.length === 0) return ['auto', 'auto'];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = high > low ? (high - low) * 0.08 : Math.abs(high) * 0.05 || 100;
  return [Math.max(0, Math.floor(low - pad)), Math.ceil(high + pad)];
}

interface BalanceSeriesOptions {
  /** Every balance drawn, in paise: the axis holds them all and the minimum. */
  balances: readonly number[];
  minimum: number | null;
  /** What the minimum's dashed line is called on this chart. */
  minimumName: string;
  axisWidth: number;
  tooltip: ComponentProps<typeof Tooltip>['content'];
  dot?: ComponentProps<typeof Area>['dot'];
}

/**
 * The balance (field `balancePaise` of the chart's data) as a step area on its own axis, with the minimum as a
 * dashed line. Called as a function, not a component, so recharts sees these among the chart's children.
 */
export function balanceSeries({ balances, minimum, minimumName, axisWidth, tooltip, dot }: BalanceSeriesOptions) {
  return [
    <YAxis
      key="balance-axis"
      tickFormatter={(paise: number) => shortPaise(paise)}
      width={axisWidth}
      domain={domainWith(balances, minimum)}
    />,
    <Tooltip key="balance-tooltip" content={tooltip} />,
    <Area
      key="balance"
      type="stepAfter"
      dataKey="balancePaise"
      name="Balance"
      stroke={BALANCE_COLOURS.balance}
      fill={BALANCE_COLOURS.balance}
      fillOpacity={0.12}
      strokeWidth={2}
      {...(dot === undefined ? {} : { dot })}
      isAnimationActive={false}
    />,
    minimum !== null && (
      <ReferenceLine
        key="minimum"
        y={minimum}
        stroke={BALANCE_COLOURS.minimum}
        strokeDasharray="6 4"
        label={{
          value: `${minimumName} ${shortPaise(minimum)}`,
          position: 'insideBottomLeft',
          fontSize: 11,
          fill: BALANCE_COLOURS.minimum,
        }}
      />
    ),
  ];
}

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import { formatMs } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { CHART_HEIGHT, timeAxis } from '../../components/time-axis.ts';
import { annotationLines, swatch } from './chart-parts.tsx';
import { latencyTrend, stepWords, type TrendSlot } from './latency-trend.ts';
import { shortEndpoint } from './short-endpoint.ts';

/** Endpoint line colours: neutral hues, none of them the red / amber / green that mean health. */
const ENDPOINT_COLOURS = ['#6366f1', '#0891b2', '#a855f7', '#64748b', '#db2777'] as const;

interface Props {
  data: Dashboard;
  /** the drawn endpoints, busiest first */
  endpoints: readonly string[];
}

/** p95 per endpoint over time (one point per `latencyBucketMs`), with the annotations on the time axis. */
export function LatencyTrendChart({ data, endpoints }: Props) {
  const slots = latencyTrend(data, endpoints);
  const tooltip = tooltipOf<TrendSlot>((slot) =>
    endpoints.map((endpoint, index) => ({
      label: `${shortEndpoint(endpoint)} p95 (p50)`,
      value: slot.p95[index] === null ? 'no calls' : `${formatMs(slot.p95[index])} (${formatMs(slot.p50[index])})`,
      colour: ENDPOINT_COLOURS[index],
    })),
  );
  return (
    <figure className="latency-trend">
      <figcaption className="panel__subtitle">p95 per {stepWords(data.latencyBucketMs)}, per endpoint</figcaption>
      <LineChart
        className="chart"
        style={{ width: '100%', height: CHART_HEIGHT }}
        responsive
        data={slots}
        margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} />
        <XAxis {...timeAxis(data.from, data.to)} />
        <YAxis tickFormatter={(ms: number) => formatMs(ms)} width={56} />
        <Tooltip content={tooltip} />
        {endpoints.map((endpoint, index) => (
          <Line
            key={endpoint}
            dataKey={(slot: TrendSlot) => slot.p95[index]}
            name={shortEndpoint(endpoint)}
            stroke={ENDPOINT_COLOURS[index]}
            strokeWidth={1.5}
            dot={slots.length <= 40 ? { r: 2 } : false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {annotationLines(data.annotations, data.from, data.to)}
      </LineChart>
      <ul className="legend" aria-hidden="true">
        {endpoints.map((endpoint, index) => (
          <li key={endpoint} style={swatch(ENDPOINT_COLOURS[index]!)}>
            {shortEndpoint(endpoint)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The numbers behind the trend: every step with a call, p50 / p95 of each drawn endpoint. */
export function LatencyTrendTable({ data, endpoints }: Props) {
  const slots = latencyTrend(data, endpoints).filter((slot) => slot.p95.some((value) => value !== null));
  return (
    <DataTable
      caption={`p50 / p95 per ${stepWords(data.latencyBucketMs)} and endpoint`}
      rows={slots}
      rowKey={(slot) => slot.at}
      columns={[
        { header: 'From', cell: (slot) => <DateTime at={slot.at} /> },
        ...endpoints.map((endpoint, index) => ({
          header: `${shortEndpoint(endpoint)} p50 / p95`,
          cell: (slot: TrendSlot) =>
            slot.p95[index] === null ? '—' : `${formatMs(slot.p50[index])} / ${formatMs(slot.p95[index])}`,
          numeric: true,
        })),
      ]}
    />
  );
}

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import { formatCount, formatMs } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DrillButton } from './DrillButton.tsx';
import { NoCallsYet } from './empty-states.tsx';
import { openDrillDown } from './open-drill-down.ts';
import { EmptyState, Panel } from '../../components/Panel.tsx';
import { swatch } from './chart-parts.tsx';
import { COLOURS } from '../../components/series-colours.ts';
import { LatencyTrendChart, LatencyTrendTable } from './LatencyTrendChart.tsx';
import { shortEndpoint } from './short-endpoint.ts';
import { TREND_ENDPOINTS } from './latency-trend.ts';

type Row = Dashboard['latency'][number];

const tooltip = tooltipOf<Row>(
  (row) => [
    { label: 'Calls', value: formatCount(row.calls) },
    { label: 'Average', value: formatMs(row.avgMs), colour: COLOURS.avg },
    { label: 'p50', value: formatMs(row.p50Ms), colour: COLOURS.p50 },
    { label: 'p95', value: formatMs(row.p95Ms), colour: COLOURS.p95 },
    { label: 'Slowest', value: formatMs(row.maxMs) },
  ],
  () => 'Click: the calls to this endpoint',
);

/** Response time per endpoint over the range: average, p50 and p95 (from the latency histograms), and p95 over time. */
export function LatencyPanel({ data }: { data: Dashboard }) {
  const rows = [...data.latency].sort((a, b) => b.calls - a.calls).slice(0, 8);
  const trendEndpoints = rows.slice(0, TREND_ENDPOINTS).map((row) => row.endpoint);
  return (
    <Panel
      id="panel-latency"
      title="Response time per endpoint"
      subtitle="Average, p50 and p95 over the range, and p95 over time (the busiest endpoints); read from latency histograms."
      empty={
        data.sources.calls ? (
          rows.length === 0 ? (
            <EmptyState>No calls in this range.</EmptyState>
          ) : undefined
        ) : (
          <NoCallsYet />
        )
      }
      data={
        <>
          <DataTable
            caption="Response time per endpoint"
            rows={data.latency}
            rowKey={(row) => row.endpoint}
            columns={[
              { header: 'Endpoint', cell: (row) => <span className="mono">{row.endpoint}</span> },
              { header: 'Calls', cell: (row) => formatCount(row.calls), numeric: true },
              { header: 'Average', cell: (row) => formatMs(row.avgMs), numeric: true },
              { header: 'p50', cell: (row) => formatMs(row.p50Ms), numeric: true },
              { header: 'p95', cell: (row) => formatMs(row.p95Ms), numeric: true },
              { header: 'Slowest', cell: (row) => formatMs(row.maxMs), numeric: true },
              { header: '', cell: (row) => <DrillButton drill={row.drill} what={`calls to ${row.endpoint}`} /> },
            ]}
          />
          <LatencyTrendTable data={data} endpoints={trendEndpoints} />
        </>
      }
    >
      <BarChart
        className="chart chart--clickable"
        layout="vertical"
        style={{ width: '100%', height: Math.max(120, 36 + rows.length * 30) }}
        responsive
        data={rows.map((row) => ({ ...row, label: shortEndpoint(row.endpoint) }))}
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        barGap={1}
        barCategoryGap={5}
        onClick={(state) => {
          const index = Number(state?.activeTooltipIndex);
          const row = Number.isInteger(index) ? rows[index] : undefined;
          if (row) void openDrillDown(row.drill);
        }}
      >
        <CartesianGrid horizontal={false} />
        <XAxis type="number" tickFormatter={(ms: number) => formatMs(ms)} />
        <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 11 }} />
        <Tooltip content={tooltip} />
        <Bar dataKey="avgMs" name="Average" fill={COLOURS.avg} isAnimationActive={false} />
        <Bar dataKey="p50Ms" name="p50" fill={COLOURS.p50} isAnimationActive={false} />
        <Bar dataKey="p95Ms" name="p95" fill={COLOURS.p95} isAnimationActive={false} />
      </BarChart>
      <ul className="legend" aria-hidden="true">
        <li style={swatch(COLOURS.avg)}>Average</li>
        <li style={swatch(COLOURS.p50)}>p50</li>
        <li style={swatch(COLOURS.p95)}>p95</li>
      </ul>
      <LatencyTrendChart data={data} endpoints={trendEndpoints} />
    </Panel>
  );
}

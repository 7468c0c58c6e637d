import { Bar, Line, ReferenceLine, Tooltip, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { annotationLines } from './chart-parts.tsx';
import { formatCount, formatPercent } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DrillButton } from './DrillButton.tsx';
import { DrillableChart } from './DrillableChart.tsx';
import { orderSlots, type OrderSlot } from './order-series.ts';
import { Panel } from '../../components/Panel.tsx';
import { COLOURS } from '../../components/series-colours.ts';
import { noOrdersToDraw } from './empty-states.tsx';

interface Props {
  data: Dashboard;
  threshold: number;
  onThreshold(percent: number | null): void;
}

const tooltip = tooltipOf<OrderSlot>(
  (slot) => [
    {
      label: 'Success rate',
      value: slot.ratePercent === null ? 'no decided order' : formatPercent(slot.ratePercent, 1),
      colour: COLOURS.success,
    },
    { label: 'SUCCESS', value: formatCount(slot.success) },
    { label: 'FAILED', value: formatCount(slot.failed) },
    { label: 'PROCESSING', value: formatCount(slot.processing), colour: COLOURS.processing },
    { label: 'Other (rejected, intent…)', value: formatCount(slot.other) },
  ],
  (slot) => (slot.drill ? 'Click: the orders of this bucket' : null),
);

/** SUCCESS ÷ (SUCCESS + FAILED) per bucket against the threshold line; PROCESSING drawn apart as bars. */
export function SuccessRatePanel({ data, threshold, onThreshold }: Props) {
  const slots = orderSlots(data);
  const withData = slots.filter((slot) => slot.drill);
  return (
    <Panel
      id="panel-success"
      title="Order success rate"
      subtitle={`SUCCESS ÷ (SUCCESS + FAILED) per ${data.bucket}; PROCESSING apart (bars, right axis). Red line: ${formatPercent(threshold, 1)}.`}
      actions={
        <label className="panel__inline-field">
          Threshold %
          <input
            type="number"
            min={0}
            max={100}
            step={0.5}
            value={threshold}
            onChange={(event) => {
              const value = Number(event.target.value);
              onThreshold(
                event.target.value === '' || !Number.isFinite(value) ? null : Math.min(100, Math.max(0, value)),
              );
            }}
          />
        </label>
      }
      empty={noOrdersToDraw(data.sources.orders, withData.length)}
      data={
        <DataTable
          caption="Order success rate per bucket"
          rows={withData}
          rowKey={(slot) => slot.at}
          columns={[
            { header: 'Bucket', cell: (slot) => <DateTime at={slot.at} /> },
            { header: 'Success rate', cell: (slot) => formatPercent(slot.ratePercent, 1), numeric: true },
            { header: 'SUCCESS', cell: (slot) => formatCount(slot.success), numeric: true },
            { header: 'FAILED', cell: (slot) => formatCount(slot.failed), numeric: true },
            { header: 'PROCESSING', cell: (slot) => formatCount(slot.processing), numeric: true },
            { header: 'Other', cell: (slot) => formatCount(slot.other), numeric: true },
            { header: '', cell: (slot) => <DrillButton drill={slot.drill} what="orders of this bucket" /> },
          ]}
        />
      }
    >
      <DrillableChart slots={slots} from={data.from} to={data.to}>
        <YAxis yAxisId="rate" domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} width={44} />
        <YAxis yAxisId="count" orientation="right" allowDecimals={false} width={36} />
        <Tooltip content={tooltip} />
        <Bar
          yAxisId="count"
          dataKey="processing"
          name="PROCESSING"
          fill={COLOURS.processing}
          fillOpacity={0.55}
          isAnimationActive={false}
        />
        <Line
          yAxisId="rate"
          dataKey="ratePercent"
          name="Success rate"
          stroke={COLOURS.success}
          strokeWidth={2}
          dot={withData.length < 60 ? { r: 2.5 } : false}
          connectNulls={false}
          isAnimationActive={false}
        />
        <ReferenceLine
          yAxisId="rate"
          y={threshold}
          stroke={COLOURS.threshold}
          strokeDasharray="6 4"
          label={{
            value: `threshold ${formatPercent(threshold, 1)}`,
            position: 'insideBottomLeft',
            fontSize: 11,
            fill: COLOURS.threshold,
          }}
        />
        {annotationLines(data.annotations, data.from, data.to, 'rate')}
      </DrillableChart>
    </Panel>
  );
}

import { Bar, Line, Tooltip, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { formatPaise, shortPaise } from '../../components/money.ts';
import { formatCount } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DrillButton } from './DrillButton.tsx';
import { noOrdersToDraw } from './empty-states.tsx';
import { DrillableChart } from './DrillableChart.tsx';
import { orderSlots, type OrderSlot } from './order-series.ts';
import { Panel } from '../../components/Panel.tsx';
import { annotationLines, swatch } from './chart-parts.tsx';
import { COLOURS } from '../../components/series-colours.ts';

const tooltip = tooltipOf<OrderSlot>(
  (slot) => [
    { label: 'Orders', value: formatCount(slot.orders) },
    { label: 'SUCCESS', value: formatCount(slot.success), colour: COLOURS.success },
    { label: 'FAILED', value: formatCount(slot.failed), colour: COLOURS.failed },
    { label: 'PROCESSING', value: formatCount(slot.processing), colour: COLOURS.processing },
    { label: 'Other', value: formatCount(slot.other), colour: COLOURS.other },
    { label: 'Spent (debited)', value: formatPaise(slot.spentPaise), colour: COLOURS.amount },
    { label: 'Amount (all orders)', value: formatPaise(slot.amountPaise) },
  ],
  (slot) => (slot.drill ? 'Click: the orders of this bucket' : null),
);

/** Orders per bucket by status (stacked) and the rupees debited (SUCCESS + PROCESSING) as a line. */
export function OrdersPanel({ data }: { data: Dashboard }) {
  const slots = orderSlots(data);
  const withData = slots.filter((slot) => slot.drill);
  const spent = data.orders.reduce((sum, point) => sum + point.spentPaise, 0);
  const orders = data.orders.reduce((sum, point) => sum + point.orders, 0);
  return (
    <Panel
      id="panel-orders"
      title="Orders and amount spent"
      subtitle={
        <>
          {formatCount(orders)} orders, <span title={formatPaise(spent)}>{shortPaise(spent)}</span> debited (SUCCESS +
          PROCESSING) in this range.
        </>
      }
      empty={noOrdersToDraw(data.sources.orders, withData.length)}
      data={
        <DataTable
          caption="Orders and amount per bucket"
          rows={withData}
          rowKey={(slot) => slot.at}
          columns={[
            { header: 'Bucket', cell: (slot) => <DateTime at={slot.at} /> },
            { header: 'Orders', cell: (slot) => formatCount(slot.orders), numeric: true },
            { header: 'SUCCESS', cell: (slot) => formatCount(slot.success), numeric: true },
            { header: 'FAILED', cell: (slot) => formatCount(slot.failed), numeric: true },
            { header: 'PROCESSING', cell: (slot) => formatCount(slot.processing), numeric: true },
            { header: 'Spent', cell: (slot) => formatPaise(slot.spentPaise), numeric: true },
            { header: 'Amount', cell: (slot) => formatPaise(slot.amountPaise), numeric: true },
            { header: '', cell: (slot) => <DrillButton drill={slot.drill} what="orders of this bucket" /> },
          ]}
        />
      }
    >
      <DrillableChart slots={slots} from={data.from} to={data.to}>
        <YAxis yAxisId="count" allowDecimals={false} width={44} />
        <YAxis yAxisId="amount" orientation="right" tickFormatter={(paise: number) => shortPaise(paise)} width={64} />
        <Tooltip content={tooltip} />
        <Bar
          yAxisId="count"
          stackId="status"
          dataKey="success"
          name="SUCCESS"
          fill={COLOURS.success}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          stackId="status"
          dataKey="processing"
          name="PROCESSING"
          fill={COLOURS.processing}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          stackId="status"
          dataKey="failed"
          name="FAILED"
          fill={COLOURS.failed}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          stackId="status"
          dataKey="other"
          name="Other"
          fill={COLOURS.other}
          isAnimationActive={false}
        />
        <Line
          yAxisId="amount"
          dataKey="spentPaise"
          name="Spent"
          stroke={COLOURS.amount}
          strokeWidth={2}
          dot={false}
          type="linear"
          isAnimationActive={false}
        />
        {annotationLines(data.annotations, data.from, data.to, 'count')}
      </DrillableChart>
      <ul className="legend" aria-hidden="true">
        <li style={swatch(COLOURS.success)}>SUCCESS</li>
        <li style={swatch(COLOURS.processing)}>PROCESSING</li>
        <li style={swatch(COLOURS.failed)}>FAILED</li>
        <li style={swatch(COLOURS.other)}>Other</li>
        <li style={swatch(COLOURS.amount)}>₹ spent (right axis)</li>
      </ul>
    </Panel>
  );
}

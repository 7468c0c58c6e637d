import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, DrillDown } from '../../../../shared/contract/metrics.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { formatCount, formatRate } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DrillButton } from './DrillButton.tsx';
import { NoCallsYet } from './empty-states.tsx';
import { openDrillDown } from './open-drill-down.ts';
import { overallErrorRate } from './order-series.ts';
import { EmptyState, Panel } from '../../components/Panel.tsx';
import { annotationLines, swatch } from './chart-parts.tsx';
import { CHART_HEIGHT, timeAxis } from '../../components/time-axis.ts';
import { ERROR_KINDS, kindLabel } from '../../components/series-colours.ts';
import { denseBuckets } from '../../components/time-range.ts';

type ErrorPoint = Dashboard['errors'][number];
interface ErrorSlot {
  at: number;
  calls: number;
  failed: number;
  byKind: Record<string, number>;
  drill: DrillDown | null;
  [kind: string]: unknown;
}

/** A stacked segment narrows the bucket's drill-down to its failure kind. */
export function segmentDrill(drill: DrillDown | null, kind: string): DrillDown | null {
  if (!drill || drill.area !== 'calls') return drill;
  return { area: 'calls', filters: { ...drill.filters, errorId: kind } };
}

const slotOf = (point: ErrorPoint): ErrorSlot => ({ ...point.byKind, ...point });
const emptySlot = (at: number): ErrorSlot => ({ at, calls: 0, failed: 0, byKind: {}, drill: null });

const tooltip = tooltipOf<ErrorSlot>(
  (slot) => [
    { label: 'Calls', value: formatCount(slot.calls) },
    {
      label: 'Failed',
      value: `${formatCount(slot.failed)} (${formatRate(slot.calls ? slot.failed / slot.calls : null)})`,
    },
    ...ERROR_KINDS.filter((entry) => slot.byKind[entry.kind]).map((entry) => ({
      label: entry.label,
      value: formatCount(slot.byKind[entry.kind]!),
      colour: entry.colour,
    })),
  ],
  (slot) => (slot.failed ? 'Click a segment: the failed calls of that kind' : null),
);

/** Failed calls per bucket stacked by taxonomy kind, and the errors seen most in the range. */
export function ErrorsPanel({ data }: { data: Dashboard }) {
  const slots = denseBuckets(data.from, data.to, data.bucketMs, data.errors.map(slotOf), emptySlot);
  const kinds = ERROR_KINDS.filter((entry) => data.errors.some((point) => point.byKind[entry.kind]));
  const failing = data.errors.filter((point) => point.failed > 0);
  const rate = overallErrorRate(data.errors);
  return (
    <Panel
      id="panel-errors"
      title="Errors by kind"
      wide
      subtitle={`${formatCount(data.errors.reduce((sum, point) => sum + point.failed, 0))} failed calls, ${formatRate(rate)} of all calls in this range.`}
      empty={data.sources.calls ? undefined : <NoCallsYet />}
      data={
        <DataTable
          caption="Failed calls per bucket by kind"
          rows={failing}
          rowKey={(point) => point.at}
          columns={[
            { header: 'Bucket', cell: (point) => <DateTime at={point.at} /> },
            { header: 'Calls', cell: (point) => formatCount(point.calls), numeric: true },
            { header: 'Failed', cell: (point) => formatCount(point.failed), numeric: true },
            {
              header: 'By kind',
              cell: (point) =>
                Object.entries(point.byKind)
                  .map(([kind, calls]) => `${kindLabel(kind)} ${calls}`)
                  .join(', '),
            },
            { header: '', cell: (point) => <DrillButton drill={point.drill} what="calls of this bucket" /> },
          ]}
        />
      }
    >
      <div className="errors-layout">
        <div className="errors-layout__chart">
          {failing.length === 0 ? (
            <EmptyState>No failed call in this range.</EmptyState>
          ) : (
            <>
              <BarChart
                className="chart chart--clickable"
                style={{ width: '100%', height: CHART_HEIGHT }}
                responsive
                data={slots}
                margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
              >
                <CartesianGrid vertical={false} />
                <XAxis {...timeAxis(data.from, data.to)} />
                <YAxis allowDecimals={false} width={44} />
                <Tooltip content={tooltip} />
                {kinds.map((entry) => (
                  <Bar
                    key={entry.kind}
                    stackId="kind"
                    dataKey={entry.kind}
                    name={entry.label}
                    fill={entry.colour}
                    isAnimationActive={false}
                    onClick={(item: { payload?: ErrorSlot }) => {
                      const drill = segmentDrill(item.payload?.drill ?? null, entry.kind);
                      if (drill) void openDrillDown(drill);
                    }}
                  />
                ))}
                {annotationLines(data.annotations, data.from, data.to)}
              </BarChart>
              <ul className="legend" aria-hidden="true">
                {kinds.map((entry) => (
                  <li key={entry.kind} style={swatch(entry.colour)}>
                    {entry.label}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div className="errors-layout__top">
          <h3>Top errors</h3>
          <TopErrorsTable rows={data.topErrors} />
        </div>
      </div>
    </Panel>
  );
}

function TopErrorsTable({ rows }: { rows: Dashboard['topErrors'] }) {
  if (rows.length === 0) return <p className="muted">None in this range.</p>;
  return (
    <table className="data-table top-errors" aria-label="Top errors">
      <thead>
        <tr>
          <th scope="col">Error</th>
          <th scope="col">Kind</th>
          <th scope="col" className="numeric">
            Calls
          </th>
          <th scope="col">Last seen</th>
          <th scope="col">
            <span className="visually-hidden">Open</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={`${row.kind}|${row.errorKey}`}
            className="clickable-row"
            onClick={() => void openDrillDown(row.drill)}
          >
            <td className="mono">{row.errorKey}</td>
            <td>{kindLabel(row.kind)}</td>
            <td className="numeric">{formatCount(row.calls)}</td>
            <td>
              <DateTime at={row.lastAt} />
            </td>
            <td onClick={(event) => event.stopPropagation()}>
              <DrillButton drill={row.drill} what={`calls that failed with ${row.errorKey}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { AreaChart, CartesianGrid, XAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import type { WalletSummary } from '../../../../shared/contract/wallet.ts';
import { balanceSeries } from '../../components/balance-series.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { formatPaise } from '../../components/money.ts';
import { annotationLines } from './chart-parts.tsx';
import { timeAxis } from '../../components/time-axis.ts';
import { formatHours } from '../../components/chart-format.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { NoWalletSamplesYet } from './empty-states.tsx';
import { GoButton } from '../../components/GoButton.tsx';
import { Panel } from '../../components/Panel.tsx';
import { COLOURS } from '../../components/series-colours.ts';

type Point = Dashboard['wallet'][number];
const tooltip = tooltipOf<Point>((point) => [
  { label: 'Balance', value: formatPaise(point.balancePaise), colour: COLOURS.balance },
]);

/** The balance over the range with the minimum line and top-ups, and how long it lasts at the current spend. */
export function WalletPanel({ data, wallet }: { data: Dashboard; wallet: WalletSummary | null }) {
  const minimum = wallet?.minimumPaise ?? null;
  return (
    <Panel
      id="panel-wallet"
      title="Wallet balance and runway"
      subtitle={
        wallet?.latest ? (
          <>
            <strong className={wallet.belowMinimum ? 'text-danger' : undefined}>
              {formatPaise(wallet.latest.balancePaise)}
            </strong>{' '}
            now · runway to E300{' '}
            <strong>
              {wallet.runway.toE300Hours === null ? 'not draining' : formatHours(wallet.runway.toE300Hours)}
            </strong>
            {minimum !== null && (
              <>
                {' '}
                · to the minimum{' '}
                <strong>
                  {wallet.runway.toMinimumHours === null ? 'not draining' : formatHours(wallet.runway.toMinimumHours)}
                </strong>
              </>
            )}
          </>
        ) : (
          'The balance as sampled from Hubble.'
        )
      }
      actions={<GoButton area="wallet">Wallet →</GoButton>}
      empty={data.sources.walletSamples ? undefined : <NoWalletSamplesYet />}
      data={
        <DataTable
          caption="Wallet balance per bucket"
          rows={data.wallet}
          rowKey={(point) => point.at}
          columns={[
            { header: 'Bucket', cell: (point) => <DateTime at={point.at} /> },
            { header: 'Balance (last sample)', cell: (point) => formatPaise(point.balancePaise), numeric: true },
          ]}
        />
      }
    >
      <AreaChart
        className="chart"
        style={{ width: '100%', height: 180 }}
        responsive
        data={data.wallet}
        margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid vertical={false} />
        <XAxis {...timeAxis(data.from, data.to)} />
        {balanceSeries({
          balances: data.wallet.map((point) => point.balancePaise),
          minimum,
          minimumName: 'minimum',
          axisWidth: 64,
          tooltip,
        })}
        {annotationLines(
          data.annotations.filter(
            (annotation) => annotation.kind === 'top-up' || annotation.kind === 'wallet-below-minimum',
          ),
          data.from,
          data.to,
        )}
      </AreaChart>
    </Panel>
  );
}

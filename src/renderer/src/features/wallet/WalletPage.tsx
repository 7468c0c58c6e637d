import { useEffect, useState } from 'react';
import { CartesianGrid, ComposedChart, ReferenceLine, XAxis } from 'recharts';
import type { WalletSample } from '../../../../shared/contract/wallet.ts';
import { balanceSeries } from '../../components/balance-series.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { downloadText } from '../../components/download-text.ts';
import { timeZoneLabel } from '../../components/format-time.ts';
import { formatPaise, shortPaise } from '../../components/money.ts';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useAutoRefresh } from '../../components/use-auto-refresh.ts';
import { rangePickerProps, RangePageHeader } from '../../components/RangePageHeader.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { formatCount, formatHours } from '../../components/chart-format.ts';
import { timeAxis } from '../../components/time-axis.ts';
import { tooltipOf } from '../../components/ChartTooltip.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { GoButton } from '../../components/GoButton.tsx';
import { Panel } from '../../components/Panel.tsx';
import { COLOURS } from '../../components/series-colours.ts';
import { describeRange } from '../../components/time-range.ts';
import { TimeRangePicker } from '../../components/TimeRangePicker.tsx';
import { useWallet } from './wallet-store.ts';
import './wallet.css';

const SOURCE_WORDS: Record<WalletSample['source'], string> = {
  poll: 'scheduled',
  order: 'after an order',
  manual: 'sampled by hand',
};

const tooltip = tooltipOf<WalletSample>((sample) => [
  { label: 'Balance', value: formatPaise(sample.balancePaise), colour: COLOURS.balance },
  { label: 'Read', value: SOURCE_WORDS[sample.source] },
]);

function Figure({
  label,
  value,
  detail,
  tone,
}: {
  label: string;
  value: string;
  detail?: string;
  tone?: 'danger' | 'warning';
}) {
  return (
    <div className={`wallet-figure${tone ? ` wallet-figure--${tone}` : ''}`} role="group" aria-label={label}>
      <span className="wallet-figure__label">{label}</span>
      <span className="wallet-figure__value">{value}</span>
      {detail && <span className="wallet-figure__detail">{detail}</span>}
    </div>
  );
}

/** The wallet: balance trend, spend rate, runway to E300 and to the minimum, top-ups, CSV of the samples. */
export function WalletPage({ label }: AreaPageProps) {
  const profileId = useProfiles((state) => state.active()?.id);
  const state = useWallet();
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    void useWallet.getState().load();
  }, [profileId]);
  useAutoRefresh(useWallet, state.refreshMs, profileId);

  const { summary, samples, topUps, shown } = state;
  const minimum = summary?.minimumPaise ?? null;
  const runway = summary?.runway;

  const sampleNow = async () => {
    setMessage('Reading the balance from Hubble…');
    const result = await state.sampleNow();
    setMessage(
      result.ok
        ? `Balance read: ${formatPaise(result.value.balancePaise)}.`
        : `Could not read the balance: ${result.error.message}`,
    );
  };
  const exportCsv = async () => {
    const result = await state.exportCsv();
    if (!result.ok) return setMessage(result.error.message);
    downloadText(result.value.fileName, result.value.csv, 'text/csv');
    setMessage(`${formatCount(result.value.rows)} samples exported.`);
  };

  return (
    <section aria-labelledby="page-title" className="page wallet-page" aria-busy={state.loading}>
      <RangePageHeader
        label={label}
        scope={
          <>
            {describeRange(state.range)} · times in {timeZoneLabel()}
            {summary && ` · read every ${formatHours(summary.pollEverySecs / 3600)} and after each order`}
          </>
        }
        picker={<TimeRangePicker {...rangePickerProps(state)} />}
      />
      <div className="wallet-actions">
        <button type="button" className="button-primary" onClick={() => void sampleNow()}>
          Sample now
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={samples.length === 0}>
          Export CSV
        </button>
        {message && <span role="status">{message}</span>}
      </div>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}

      <div className="wallet-figures">
        <Figure
          label="Balance"
          value={summary?.latest ? formatPaise(summary.latest.balancePaise) : '—'}
          detail={summary?.belowMinimum ? 'below the minimum' : summary?.latest ? 'latest sample' : 'not read yet'}
          tone={summary?.belowMinimum ? 'danger' : undefined}
        />
        <Figure
          label="Spend rate"
          value={
            summary?.spendRatePaisePerHour === null || !summary
              ? '—'
              : `${formatPaise(Math.round(summary.spendRatePaisePerHour))}/h`
          }
          detail={
            !summary
              ? undefined
              : summary.spendRatePaisePerHour === null
                ? 'needs two samples at least 10 min apart'
                : `over the last ${summary.spendWindowHours} h, refunds deducted, top-ups ignored`
          }
        />
        <Figure
          label="Runway to E300"
          value={runway?.toE300Hours === null || !runway ? 'not draining' : formatHours(runway.toE300Hours)}
          detail={
            summary?.typicalOrderPaise
              ? `until it no longer covers a typical ${formatPaise(summary.typicalOrderPaise)} order`
              : 'no orders in the last 24 h'
          }
          tone={runway?.toE300Hours !== null && runway !== undefined && runway.toE300Hours < 24 ? 'danger' : undefined}
        />
        <Figure
          label="Runway to the minimum"
          value={
            minimum === null
              ? 'no minimum set'
              : runway?.toMinimumHours === null || !runway
                ? 'not draining'
                : formatHours(runway.toMinimumHours)
          }
          detail={minimum === null ? 'set one in Profiles' : `low-balance threshold ${formatPaise(minimum)}`}
          tone={
            runway?.toMinimumHours !== null && runway !== undefined && runway.toMinimumHours < 24
              ? 'warning'
              : undefined
          }
        />
      </div>

      <Panel
        id="panel-wallet-trend"
        title="Balance trend"
        subtitle={
          <>
            Every sample in the range{state.thinned ? ' (thinned evenly to 5,000)' : ''}; the dashed line is the
            low-balance threshold
            {minimum === null && (
              <>
                {' '}
                (none set: add a wallet minimum in <GoButton area="profiles">Profiles</GoButton>)
              </>
            )}
            ; ▲ marks a detected top-up.
          </>
        }
        empty={
          samples.length === 0 ? (
            <p className="panel__empty">
              No balance sample in this range. The console reads the balance every{' '}
              {summary ? formatHours(summary.pollEverySecs / 3600) : 'few minutes'} and after each order;{' '}
              <strong>Sample now</strong> reads it at once.
            </p>
          ) : undefined
        }
        data={
          <DataTable
            caption="Wallet samples"
            rows={[...samples].reverse()}
            rowKey={(sample) => `${sample.at}-${sample.source}`}
            columns={[
              { header: 'When', cell: (sample) => <DateTime at={sample.at} /> },
              { header: 'Balance', cell: (sample) => formatPaise(sample.balancePaise), numeric: true },
              { header: 'Read', cell: (sample) => SOURCE_WORDS[sample.source] },
            ]}
          />
        }
      >
        {shown && (
          <ComposedChart
            className="chart"
            style={{ width: '100%', height: 300 }}
            responsive
            data={samples}
            margin={{ top: 22, right: 12, bottom: 0, left: 0 }}
          >
            <CartesianGrid vertical={false} />
            <XAxis {...timeAxis(shown.from, shown.to)} />
            {balanceSeries({
              balances: samples.map((sample) => sample.balancePaise),
              minimum,
              minimumName: 'low-balance threshold',
              axisWidth: 70,
              tooltip,
              dot: samples.length < 80 ? { r: 2 } : false,
            })}
            {topUps.map((topUp) => (
              <ReferenceLine
                key={topUp.at}
                x={topUp.at}
                stroke={COLOURS.success}
                strokeDasharray="2 3"
                className="annotation annotation--top-up"
                label={{
                  value: `▲ +${shortPaise(topUp.amountPaise)}`,
                  position: 'insideTopRight',
                  fontSize: 11,
                  fill: COLOURS.success,
                }}
              />
            ))}
          </ComposedChart>
        )}
      </Panel>

      <section className="panel wallet-topups" aria-labelledby="topups-title">
        <h2 id="topups-title">Top-ups</h2>
        {topUps.length === 0 ? (
          <p className="muted">
            No top-up detected in this range (a rise of the balance beyond the refunds of that interval).
          </p>
        ) : (
          <ul aria-label="Detected top-ups">
            {[...topUps].reverse().map((topUp) => (
              <li key={topUp.at}>
                <DateTime at={topUp.at} /> <strong>+{formatPaise(topUp.amountPaise)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

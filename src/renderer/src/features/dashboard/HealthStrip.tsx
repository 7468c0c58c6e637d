import type { Dashboard } from '../../../../shared/contract/metrics.ts';
import type { WalletSummary } from '../../../../shared/contract/wallet.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { formatPaise } from '../../components/money.ts';
import { formatCount, formatHours, formatRate } from '../../components/chart-format.ts';
import { overallErrorRate, overallSuccessRate } from './order-series.ts';

type Tone = 'ok' | 'warning' | 'danger' | 'neutral';

function Tile({
  label,
  value,
  detail,
  tone,
  onOpen,
}: {
  label: string;
  value: string;
  detail: string;
  tone: Tone;
  onOpen?: () => void;
}) {
  const body = (
    <>
      <span className="health-tile__label">{label}</span>
      <span className="health-tile__value">{value}</span>
      <span className="health-tile__detail">{detail}</span>
    </>
  );
  return onOpen ? (
    <button type="button" className={`health-tile health-tile--${tone}`} onClick={onOpen}>
      {body}
    </button>
  ) : (
    <div className={`health-tile health-tile--${tone}`} role="group" aria-label={label}>
      {body}
    </div>
  );
}

/** Health at a glance (UX.md: the first screen answers "is everything fine?"): success, errors, runway, alerts. */
export function HealthStrip({
  data,
  wallet,
  firing,
  successThreshold,
}: {
  data: Dashboard | null;
  wallet: WalletSummary | null;
  firing: number;
  successThreshold: number;
}) {
  const goTo = useNavigation((state) => state.goTo);
  const success = data ? overallSuccessRate(data.orders) : null;
  const decided = data?.orders.reduce((sum, point) => sum + point.success + point.failed, 0) ?? 0;
  const processing = data?.orders.reduce((sum, point) => sum + point.processing, 0) ?? 0;
  const errors = data ? overallErrorRate(data.errors) : null;
  const calls = data?.errors.reduce((sum, point) => sum + point.calls, 0) ?? 0;
  const runway = wallet?.runway.toE300Hours ?? null;
  return (
    <div className="health-strip" aria-label="Health at a glance" role="region">
      <Tile
        label="Order success rate"
        value={formatRate(success)}
        detail={
          decided
            ? `${formatCount(decided)} decided · ${formatCount(processing)} PROCESSING`
            : 'no decided order in range'
        }
        tone={success === null ? 'neutral' : success * 100 < successThreshold ? 'danger' : 'ok'}
      />
      <Tile
        label="Error rate"
        value={formatRate(errors)}
        detail={calls ? `of ${formatCount(calls)} calls` : 'no calls in range'}
        tone={errors === null ? 'neutral' : errors >= 0.1 ? 'danger' : errors >= 0.02 ? 'warning' : 'ok'}
      />
      <Tile
        label="Wallet runway"
        value={wallet?.latest ? (runway === null ? 'not draining' : formatHours(runway)) : '—'}
        detail={
          wallet?.latest ? `until E300 · balance ${formatPaise(wallet.latest.balancePaise)}` : 'no balance read yet'
        }
        tone={
          !wallet?.latest
            ? 'neutral'
            : wallet.belowMinimum || (runway !== null && runway < 24)
              ? 'danger'
              : runway !== null && runway < 72
                ? 'warning'
                : 'ok'
        }
        onOpen={() => goTo('wallet')}
      />
      <Tile
        label="Alerts firing"
        value={formatCount(firing)}
        detail={firing ? 'open the alert centre' : 'all quiet'}
        tone={firing ? 'danger' : 'ok'}
        onOpen={() => goTo('alerts')}
      />
    </div>
  );
}

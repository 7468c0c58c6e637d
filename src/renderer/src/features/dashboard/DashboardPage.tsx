import { useEffect } from 'react';
import type { AreaPageProps } from '../../components/NotBuiltYet.tsx';
import { useAutoRefresh } from '../../components/use-auto-refresh.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { rangePickerProps, RangePageHeader } from '../../components/RangePageHeader.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { useAlerts } from '../alerts/alerts-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { WelcomeBlock } from '../profiles/WelcomeBlock.tsx';
import { AnnotationsList } from './AnnotationsList.tsx';
import { useDashboard } from './dashboard-store.ts';
import { ErrorsPanel } from './ErrorsPanel.tsx';
import { HealthStrip } from './HealthStrip.tsx';
import { LatencyPanel } from './LatencyPanel.tsx';
import { OrdersPanel } from './OrdersPanel.tsx';
import { RateLimitPanel } from './RateLimitPanel.tsx';
import { SuccessRatePanel } from './SuccessRatePanel.tsx';
import { describeRange } from '../../components/time-range.ts';
import { TimeRangePicker } from '../../components/TimeRangePicker.tsx';
import { WalletPanel } from './WalletPanel.tsx';
import { WebhooksPanel } from './WebhooksPanel.tsx';
import './dashboard.css';

const DEFAULT_SUCCESS_THRESHOLD = 95;
const DEFAULT_RATE_LIMIT_WARNING = 80;

/** The start page: the active profile's health at a glance, then every panel over one time range. */
export function DashboardPage({ label }: AreaPageProps) {
  const profile = useProfiles((state) => state.active());
  const profileId = profile?.id;
  const state = useDashboard();
  const rules = useAlerts((alerts) => alerts.rules);
  const firing = useAlerts((alerts) => alerts.firing);

  useEffect(() => {
    void useDashboard.getState().load();
    void useAlerts.getState().load();
  }, [profileId]);

  useAutoRefresh(useDashboard, state.refreshMs, profileId);

  const ruleThreshold = (kind: 'success-rate' | 'rate-limit') => {
    const rule = rules?.find((candidate) => candidate.enabled && candidate.condition.kind === kind);
    if (!rule) return null;
    return rule.condition.kind === 'success-rate'
      ? rule.condition.belowPercent
      : rule.condition.kind === 'rate-limit'
        ? rule.condition.abovePercent
        : null;
  };
  const successThreshold = state.successThreshold ?? ruleThreshold('success-rate') ?? DEFAULT_SUCCESS_THRESHOLD;
  const rateLimitWarning = ruleThreshold('rate-limit') ?? DEFAULT_RATE_LIMIT_WARNING;
  const { data } = state;

  return (
    <section aria-labelledby="page-title" className="page dashboard-page" aria-busy={state.loading}>
      <RangePageHeader
        label={label}
        scope={
          <>
            {profile ? profile.name : 'No profile'} · {describeRange(state.range)}
            {data && (
              <>
                {' '}
                (<DateTime at={data.from} /> – <DateTime at={data.to} />, {timeZoneLabel()}, per {data.bucket})
              </>
            )}
          </>
        }
        picker={<TimeRangePicker {...rangePickerProps(state)} />}
      />
      <WelcomeBlock />
      {state.explaining && (
        <div className="explaining" role="note" aria-label="Alert explained">
          <strong>Why “{state.explaining.ruleName}” fired:</strong> {state.explaining.message}. The range below is the
          window it measured; click a point, bar or error row to open the calls behind it.
        </div>
      )}
      {state.error && (
        <p className="form-error" role="alert">
          The dashboard could not be read: {state.error}
        </p>
      )}
      <HealthStrip data={data} wallet={state.wallet} firing={firing} successThreshold={successThreshold} />
      {!data ? (
        <p className="muted">{state.loading ? 'Loading…' : ''}</p>
      ) : (
        <div className="panels">
          <SuccessRatePanel data={data} threshold={successThreshold} onThreshold={state.setSuccessThreshold} />
          <OrdersPanel data={data} />
          <ErrorsPanel data={data} />
          <LatencyPanel data={data} />
          <WalletPanel data={data} wallet={state.wallet} />
          <RateLimitPanel meters={state.meters} warnAt={rateLimitWarning} />
          <WebhooksPanel webhooks={state.webhooks} />
          <AnnotationsList annotations={data.annotations} />
        </div>
      )}
      {state.loadedAt !== null && (
        <p className="muted dashboard-page__updated">
          Updated <DateTime at={state.loadedAt} withZone />
          {state.refreshMs ? ` · refreshes every ${state.refreshMs / 1000} s` : ' · auto-refresh off'}
        </p>
      )}
    </section>
  );
}

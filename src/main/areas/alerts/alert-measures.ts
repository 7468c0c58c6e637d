import type Database from 'better-sqlite3';
import type { AlertCondition } from '../../../shared/contract/alerts.ts';
import type { Profile } from '../../../shared/contract/profiles.ts';
import type { Measurement } from './alert-state-machine.ts';

/**
 * What each rule kind measures, read from the profile database in SQL (the tables other areas write: orders,
 * metrics_minute, wallet_samples / wallet_spend, rate_limit_usage, webhook_events). Each kind clears at a level
 * past its threshold (hysteresis, docs/alerts.md).
 */
const MINUTE_MS = 60_000;

const noData = (message: string, threshold: number | null = null): Measurement => ({
  value: null,
  threshold,
  breached: false,
  cleared: false,
  message,
});

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const rupees = (paise: number) => `₹${(paise / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;

const tableExists = (db: Database.Database, name: string) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

function successRate(db: Database.Database, rule: Extract<AlertCondition, { kind: 'success-rate' }>, now: number) {
  const row = db
    .prepare(
      `SELECT coalesce(sum(status = 'SUCCESS'), 0) AS success, coalesce(sum(status = 'FAILED'), 0) AS failed
       FROM orders WHERE created_at >= ? AND created_at < ?`,
    )
    .get(now - rule.windowMinutes * MINUTE_MS, now + 1) as { success: number; failed: number };
  const decided = row.success + row.failed;
  if (decided < rule.minSamples)
    return noData(
      `${decided} decided orders in ${rule.windowMinutes} min (fewer than ${rule.minSamples})`,
      rule.belowPercent,
    );
  const percent = (row.success / decided) * 100;
  return {
    value: percent,
    threshold: rule.belowPercent,
    breached: percent < rule.belowPercent,
    cleared: percent >= Math.min(100, rule.belowPercent + 2),
    message: `Success rate ${round(percent)}% over ${rule.windowMinutes} min (${row.failed} of ${decided} orders FAILED); threshold ${rule.belowPercent}%`,
  };
}

function walletBelowMinimum(db: Database.Database, profile: Profile): Measurement {
  if (profile.walletMinimum === null) return noData('No wallet minimum is set on this profile');
  const minimumPaise = Math.round(profile.walletMinimum * 100);
  const latest = db
    .prepare('SELECT balance_paise FROM wallet_samples ORDER BY at DESC, id DESC LIMIT 1')
    .pluck()
    .get() as number | undefined;
  if (latest === undefined) return noData('No wallet balance read yet', profile.walletMinimum);
  return {
    value: latest / 100,
    threshold: profile.walletMinimum,
    breached: latest < minimumPaise,
    cleared: latest >= Math.max(minimumPaise + 100, Math.round(minimumPaise * 1.01)),
    message: `Wallet balance ${rupees(latest)}; minimum ${rupees(minimumPaise)}`,
  };
}

function runway(db: Database.Database, rule: Extract<AlertCondition, { kind: 'runway' }>): Measurement {
  if (!tableExists(db, 'wallet_spend')) return noData('No wallet readings yet', rule.belowHours);
  const spend = db.prepare('SELECT * FROM wallet_spend WHERE id = 1').get() as
    { balance_paise: number; spend_rate_paise_per_hour: number | null; typical_order_paise: number } | undefined;
  if (!spend || spend.spend_rate_paise_per_hour === null)
    return noData('Too few wallet readings for a spend rate', rule.belowHours);
  const headroom = spend.balance_paise - spend.typical_order_paise;
  if (spend.spend_rate_paise_per_hour <= 0 && headroom > 0) {
    return {
      value: null,
      threshold: rule.belowHours,
      breached: false,
      cleared: true,
      message: 'The wallet is not being spent',
    };
  }
  const hours = headroom <= 0 ? 0 : headroom / spend.spend_rate_paise_per_hour;
  return {
    value: hours,
    threshold: rule.belowHours,
    breached: hours < rule.belowHours,
    cleared: hours >= rule.belowHours * 1.1,
    message: `About ${round(hours)} h until the wallet cannot pay a typical order (E300) at ${rupees(spend.spend_rate_paise_per_hour)}/h; threshold ${rule.belowHours} h`,
  };
}

/** Errors per call of a window against the window before it; a quiet previous window counts as 1 %. */
function errorSpike(db: Database.Database, rule: Extract<AlertCondition, { kind: 'error-spike' }>, now: number) {
  const nowMinute = Math.floor(now / MINUTE_MS);
  const window = (fromMinute: number, toMinute: number) =>
    db
      .prepare(
        `SELECT coalesce(sum(calls), 0) AS calls, coalesce(sum(CASE WHEN error_kind <> '' THEN calls END), 0) AS failed
         FROM metrics_minute WHERE minute >= ? AND minute < ?`,
      )
      .get(fromMinute, toMinute) as { calls: number; failed: number };
  // The current minute is still being written: windows end at the last whole minute.
  const current = window(nowMinute - rule.windowMinutes, nowMinute);
  const previous = window(nowMinute - 2 * rule.windowMinutes, nowMinute - rule.windowMinutes);
  if (current.calls < rule.minCalls)
    return noData(`${current.calls} calls in ${rule.windowMinutes} min (fewer than ${rule.minCalls})`, rule.factor);
  const currentRate = current.failed / current.calls;
  const previousRate = previous.calls === 0 ? 0 : previous.failed / previous.calls;
  const ratio = currentRate / Math.max(previousRate, 0.01);
  return {
    value: ratio,
    threshold: rule.factor,
    breached: ratio >= rule.factor,
    cleared: ratio < rule.factor * 0.8,
    message: `Error rate ${round(currentRate * 100)}% in the last ${rule.windowMinutes} min, ${round(previousRate * 100)}% before (${round(ratio)}×; threshold ${rule.factor}×)`,
  };
}

/**
 * Webhook deliveries refused in the window (a bad or missing X-Verify, too large, forbidden, rate-limited: any
 * verdict but 'valid') or that failed to apply. The receiver's table (profile migration "webhook-events") may not
 * be in this database yet: then there is simply no data.
 */
function webhookFailures(
  db: Database.Database,
  rule: Extract<AlertCondition, { kind: 'webhook-failures' }>,
  now: number,
) {
  if (!tableExists(db, 'webhook_events')) return noData('No webhook receiver data in this profile', rule.atLeast);
  const counts = db
    .prepare(
      `SELECT coalesce(sum(verdict IN ('invalid', 'missing')), 0) AS signature, coalesce(sum(verdict <> 'valid'), 0) AS refused,
              coalesce(sum(state = 'failed'), 0) AS failed
       FROM webhook_events WHERE received_at >= ? AND received_at <= ?`,
    )
    .get(now - rule.windowMinutes * MINUTE_MS, now) as { signature: number; refused: number; failed: number };
  const count = counts.refused + counts.failed;
  return {
    value: count,
    threshold: rule.atLeast,
    breached: count >= rule.atLeast,
    cleared: count < rule.atLeast / 2,
    message: `${count} webhook deliveries refused or not applied in ${rule.windowMinutes} min (${counts.signature} with a bad or missing signature); threshold ${rule.atLeast}`,
  };
}

/** The fullest rate limit, as the metrics area last computed it (rate_limit_usage, refreshed every minute). */
function rateLimit(db: Database.Database, rule: Extract<AlertCondition, { kind: 'rate-limit' }>, now: number) {
  if (!tableExists(db, 'rate_limit_usage')) return noData('No rate-limit usage computed yet', rule.abovePercent);
  const row = db
    .prepare(
      'SELECT limit_key, percent_used FROM rate_limit_usage WHERE window_end > ? ORDER BY percent_used DESC LIMIT 1',
    )
    .get(now) as { limit_key: string; percent_used: number } | undefined;
  if (!row) return noData('No rate limits configured on this profile', rule.abovePercent);
  return {
    value: row.percent_used,
    threshold: rule.abovePercent,
    breached: row.percent_used >= rule.abovePercent,
    cleared: row.percent_used < rule.abovePercent - 5,
    message: `Rate limit ${row.limit_key.replaceAll('|', ' ')} at ${round(row.percent_used)}% of its window; threshold ${rule.abovePercent}%`,
  };
}

function stuckProcessing(
  db: Database.Database,
  rule: Extract<AlertCondition, { kind: 'stuck-processing' }>,
  now: number,
) {
  const count = db
    .prepare(`SELECT count(*) FROM orders WHERE status = 'PROCESSING' AND created_at < ?`)
    .pluck()
    .get(now - rule.olderThanMinutes * MINUTE_MS) as number;
  return {
    value: count,
    threshold: rule.atLeast,
    breached: count >= rule.atLeast,
    cleared: count < rule.atLeast / 2,
    message: `${count} orders PROCESSING for more than ${rule.olderThanMinutes} min; threshold ${rule.atLeast}`,
  };
}

export function measure(db: Database.Database, condition: AlertCondition, profile: Profile, now: number): Measurement {
  switch (condition.kind) {
    case 'success-rate':
      return successRate(db, condition, now);
    case 'wallet-below-minimum':
      return walletBelowMinimum(db, profile);
    case 'runway':
      return runway(db, condition);
    case 'error-spike':
      return errorSpike(db, condition, now);
    case 'webhook-failures':
      return webhookFailures(db, condition, now);
    case 'rate-limit':
      return rateLimit(db, condition, now);
    case 'stuck-processing':
      return stuckProcessing(db, condition, now);
  }
}

/** How far back the Dashboard should open to explain an alert of this kind. */
export function explainWindowMinutes(condition: AlertCondition): number {
  return 'windowMinutes' in condition ? Math.max(60, condition.windowMinutes * 2) : 6 * 60;
}

import type {
  GoLiveConfirmation,
  GoLiveCounts,
  GoLiveEvidence,
  GoLiveItem,
  GoLiveItemId,
  GoLiveSection,
} from '../../../shared/contract/goLive.ts';
import type { RateLimit } from '../../../shared/contract/profiles.ts';
import { catalogAllowedAgeMs, describeSchedule } from './catalog-freshness.ts';
import type { CallCheck, GoLiveFacts } from './go-live-facts.ts';
import { ORDER_STATES, type RequiredWebhookType } from './history-facts.ts';
import { hoursText, rupeesText } from './money-text.ts';

type Verdict = Pick<GoLiveItem, 'status' | 'summary' | 'evidence' | 'fix'>;

interface ItemSpec {
  id: GoLiveItemId;
  section: GoLiveSection;
  title: string;
  /** a person can vouch for it when the console cannot decide */
  confirmable: boolean;
  check(facts: GoLiveFacts): Verdict;
}

const fact = (label: string, value: string, requestId: string | null = null, at: number | null = null) => ({
  label,
  value,
  requestId,
  at,
});
const passed = (summary: string, evidence: GoLiveEvidence[] = []): Verdict => ({
  status: 'passed',
  summary,
  evidence,
  fix: null,
});
const failed = (summary: string, fix: string, evidence: GoLiveEvidence[] = []): Verdict => ({
  status: 'failed',
  summary,
  evidence,
  fix,
});
const operator = (summary: string, fix: string, evidence: GoLiveEvidence[] = []): Verdict => ({
  status: 'operator',
  summary,
  evidence,
  fix,
});

const envName = (facts: GoLiveFacts) => (facts.mode === 'production' ? 'production' : 'staging');
const HOUR_MS = 3_600_000;

function callEvidence(label: string, call: CallCheck): GoLiveEvidence {
  const parts = [
    call.outcome === 'not-sent' ? 'not sent' : call.httpStatus === null ? 'no HTTP answer' : `HTTP ${call.httpStatus}`,
    call.latencyMs === null ? null : `${Math.round(call.latencyMs)} ms`,
  ].filter((part) => part !== null);
  return fact(label, parts.join(', '), call.requestId, call.at);
}

const addressEvidence = (facts: GoLiveFacts): GoLiveEvidence[] =>
  facts.addresses.length === 0
    ? [fact('This machine’s addresses', 'none found besides loopback')]
    : facts.addresses.map((address) =>
        fact(`Address (${address.interface})`, `${address.address} (${address.family})`),
      );

function whitelistFix(facts: GoLiveFacts): string {
  const env = envName(facts);
  const addresses = facts.addresses.map((address) => address.address).join(', ') || 'none found';
  return (
    `Hubble refused this machine with 403: its IP is not whitelisted for ${env}. Send Hubble (integration portal, or ` +
    `support@hubble.in) the static outgoing IP of every server that calls ${env}, and whitelist ${env} separately ` +
    `from staging. This machine’s addresses: ${addresses}. Behind NAT, a VPN or a proxy, Hubble sees the public ` +
    `address of that gateway, not these: ask your network team for it and confirm it matches exactly what you sent. ` +
    `If your servers have dynamic IPs, tell Hubble: they can exempt you.`
  );
}

function rateLimitText(limit: RateLimit): string {
  const what = limit.type === 'amount' ? rupeesText(Math.round(limit.limit * 100)) : `${limit.limit} orders`;
  const scope =
    limit.scope === 'partner'
      ? 'partner'
      : `brand ${limit.productId ?? '(every brand)'}, ${limit.brandScope === 'global' ? 'all customers' : 'per customer'}`;
  return `${what} ${limit.window} (${scope})`;
}

const WEBHOOK_LABELS: Record<RequiredWebhookType, string> = {
  'brand-updated': 'Brand Updated',
  'wallet-low-balance': 'Wallet Low Balance',
  'order-terminal-state': 'Order Reached Terminal State',
};

const WEBHOOK_HOW_TO_TRIGGER: Record<RequiredWebhookType, string> = {
  'brand-updated': 'Ask Hubble to send one, or wait for a brand’s status, denominations or limits to change.',
  'wallet-low-balance':
    'Ask Hubble to set your low-balance threshold and send one (it fires when a debit takes the balance below it).',
  'order-terminal-state':
    'Place an order that goes PROCESSING: its SUCCESS or FAILED is sent (orders that end at once send none).',
};

function webhookItem(type: RequiredWebhookType): ItemSpec {
  const label = WEBHOOK_LABELS[type];
  return {
    id: `webhook-${type}` as GoLiveItemId,
    section: 'webhooks',
    title: `${label} received and verified`,
    confirmable: true,
    check(facts) {
      const env = envName(facts);
      const { webhooks } = facts;
      const noData = operator(
        'No receiver data in this console for this profile.',
        `Confirm that your ${env} endpoint received a ${label} and verified its X-Verify signature, or turn on this ` +
          `console’s receiver and have Hubble send one.`,
      );
      if (!webhooks.available) return noData;
      const seen = webhooks.byType[type];
      if (seen.verified > 0) {
        return passed(`${seen.verified} verified ${label} on ${env}.`, [
          fact('Verified deliveries', String(seen.verified)),
          fact('Latest', `event #${seen.lastEventId}`, null, seen.lastAt),
        ]);
      }
      if (webhooks.deliveries === 0 && !facts.profile.receiver.enabled) return noData;
      const refused =
        webhooks.badSignatures > 0
          ? ` ${webhooks.badSignatures} deliveries failed the X-Verify check: the webhook secret may not be the one Hubble signs with.`
          : '';
      return failed(`No verified ${label} received on ${env} yet.${refused}`, WEBHOOK_HOW_TO_TRIGGER[type], [
        fact('Deliveries stored', String(webhooks.deliveries)),
        fact('Refused for the signature', String(webhooks.badSignatures)),
      ]);
    },
  };
}

/** The alerts Hubble's Go Live page asks for, by the alert kind that covers each. */
const REQUIRED_ALERTS: readonly { kind: string; label: string }[] = [
  { kind: 'success-rate', label: 'order success rate drops' },
  { kind: 'wallet-below-minimum', label: 'wallet balance below minimum' },
  { kind: 'error-spike', label: 'error rate spikes' },
  { kind: 'webhook-failures', label: 'webhook delivery failures' },
  { kind: 'rate-limit', label: 'rate limit approaching' },
];

const noHistory = (facts: GoLiveFacts) =>
  operator(
    'No staging history to read.',
    facts.mode === 'production'
      ? 'Choose the staging profile this integration was tested with, then run again; or confirm that it was tested on staging outside this console.'
      : 'Confirm that it was tested on staging outside this console.',
  );

/** The checklist in the Go Live page's order (seeds: "Pre-Launch Checklist"). */
export const CHECKLIST: readonly ItemSpec[] = [
  {
    id: 'base-url',
    section: 'authentication',
    title: 'Base URL is Hubble’s host for this environment',
    confirmable: false,
    check(facts) {
      const expected = envName(facts);
      if (facts.profile.environment === expected) {
        return passed(`A ${expected} profile: the console always uses Hubble’s ${expected} host.`, [
          fact('Base URL', facts.profile.baseUrl),
        ]);
      }
      return failed(
        `“${facts.profile.name}” is a ${facts.profile.environment} profile, not ${expected}.`,
        expected === 'production'
          ? 'Create a Production profile: its base URL is always https://api.myhubble.money (a Custom URL may not be Hubble’s).'
          : 'Rehearse with a Staging profile: its base URL is always https://api.dev.myhubble.money.',
        [fact('Base URL', facts.profile.baseUrl)],
      );
    },
  },
  {
    id: 'credentials-set',
    section: 'authentication',
    title: 'clientId and client secret set',
    confirmable: false,
    check(facts) {
      if (facts.profile.clientSecretSet) return passed('clientId set; the client secret is in the OS keychain.');
      return failed(
        'No client secret is set.',
        `Set the ${envName(facts)} client secret Hubble issued on the Profiles page.`,
      );
    },
  },
  {
    id: 'credentials-distinct',
    section: 'authentication',
    title: 'Credentials differ from the other environment’s',
    confirmable: true,
    check(facts) {
      if (!facts.counterpart) {
        return operator(
          'No profile of the other environment chosen to compare with.',
          'Choose it and run again; or, if this console keeps no such profile, confirm Hubble issued separate credentials for each environment.',
        );
      }
      const other = `“${facts.counterpart.name}”`;
      if (facts.sameClientId || facts.sameClientSecret) {
        const what = [facts.sameClientId ? 'clientId' : null, facts.sameClientSecret ? 'client secret' : null]
          .filter(Boolean)
          .join(' and ');
        return failed(
          `The ${what} is the same as ${other}’s.`,
          'Each environment has its own credentials and staging keys get 401 on production: enter the clientId and secret Hubble issued for this environment.',
          [fact('Compared with', facts.counterpart.name)],
        );
      }
      const compared =
        facts.sameClientSecret === null
          ? 'The clientId differs from that of'
          : 'The clientId and client secret differ from those of';
      const note = facts.sameClientSecret === null ? ' (secrets not compared: one of them is not set)' : '';
      return passed(`${compared} ${other}${note}.`, [fact('Compared with', facts.counterpart.name)]);
    },
  },
  {
    id: 'login',
    section: 'authentication',
    title: 'Login works with these credentials',
    confirmable: false,
    check(facts) {
      const { login } = facts;
      const evidence = [callEvidence('Login', login)];
      if (login.outcome === 'ok') return passed('Hubble issued a token for these credentials.', evidence);
      if (login.outcome === 'not-sent') {
        return failed(
          `Login was not attempted: ${login.problem}`,
          'Set the client secret on the Profiles page.',
          evidence,
        );
      }
      if (login.failureKind === 'auth') {
        return failed(
          `Hubble refused the credentials (HTTP ${login.httpStatus}).`,
          facts.mode === 'production'
            ? 'Staging keys do not work on production: enter the production clientId and secret Hubble issued, then run again.'
            : 'Enter the staging clientId and secret Hubble issued, then run again.',
          evidence,
        );
      }
      if (login.failureKind === 'whitelisting') {
        return failed(
          'Refused with 403 before the credentials were checked.',
          'Hubble refused this machine’s IP: see “IP whitelisting” below, then run again.',
          evidence,
        );
      }
      return failed(
        `Login failed: ${login.problem}`,
        'Run again; if it keeps failing, send Hubble support the X-REQUEST-ID above.',
        evidence,
      );
    },
  },
  {
    id: 'ip-not-refused',
    section: 'ip-whitelisting',
    title: 'A call from this machine is not refused with 403',
    confirmable: false,
    check(facts) {
      const { login, wallet } = facts;
      const addresses = addressEvidence(facts);
      if (login.failureKind === 'whitelisting') {
        return failed('Login was refused with 403 (Invalid Access).', whitelistFix(facts), [
          callEvidence('Login', login),
          ...addresses,
        ]);
      }
      if (login.outcome !== 'ok') {
        return operator('Not checked: login did not succeed.', 'Fix the login first and run again.', addresses);
      }
      if (wallet.failureKind === 'whitelisting') {
        return failed('The wallet call was refused with 403 (Invalid Access).', whitelistFix(facts), [
          callEvidence('Wallet balance', wallet),
          ...addresses,
        ]);
      }
      if (wallet.outcome !== 'ok') {
        return operator(`Not decided: the wallet call failed (${wallet.problem}).`, 'Run again.', [
          callEvidence('Wallet balance', wallet),
          ...addresses,
        ]);
      }
      return passed(`Hubble answered a ${envName(facts)} call from this machine.`, [
        callEvidence('Wallet balance', wallet),
        ...addresses,
      ]);
    },
  },
  {
    id: 'wallet-balance',
    section: 'wallet',
    title: 'Wallet balance above the minimum, with its runway',
    confirmable: false,
    check(facts) {
      const live = facts.wallet.outcome === 'ok' && facts.wallet.balancePaise !== null;
      // Without a live answer, the poller's latest sample stands in only while it is recent.
      const recentMs = Math.max(2 * facts.profile.walletPollSecs * 1000, 15 * 60_000);
      const latest = facts.walletHistory.latest;
      const sample = latest && facts.now - latest.at <= recentMs ? latest : null;
      const balance = live ? facts.wallet.balancePaise! : (sample?.balancePaise ?? null);
      if (balance === null) {
        return failed('The balance could not be read.', 'Fix the login and IP items first, then run again.', [
          callEvidence('Wallet balance', facts.wallet),
        ]);
      }
      const source = live
        ? callEvidence(`Balance ${rupeesText(balance)}`, facts.wallet)
        : fact('Balance (latest sample)', rupeesText(balance), null, sample!.at);
      const minimum = facts.profile.walletMinimum === null ? null : Math.round(facts.profile.walletMinimum * 100);
      if (minimum === null) {
        return operator(
          `Balance ${rupeesText(balance)}; no minimum to compare with.`,
          'Set a wallet minimum (next item).',
          [source],
        );
      }
      const rate = facts.walletHistory.spendRatePaisePerHour;
      const runway =
        rate && rate > 0
          ? fact(
              'Runway',
              `${hoursText((balance - minimum) / rate)} to the minimum, ${hoursText(balance / rate)} to empty at ${rupeesText(Math.round(rate))}/h`,
            )
          : fact('Runway', 'no spending measured yet');
      const evidence = [source, fact('Minimum', rupeesText(minimum)), runway];
      if (balance <= minimum) {
        return failed(
          `Balance ${rupeesText(balance)} is not above the minimum ${rupeesText(minimum)}.`,
          'Top up the wallet before launch: orders are debited at their full amount, and an order the balance cannot cover fails with E300.',
          evidence,
        );
      }
      return passed(`Balance ${rupeesText(balance)}, above the minimum ${rupeesText(minimum)}.`, evidence);
    },
  },
  {
    id: 'low-balance-threshold',
    section: 'wallet',
    title: 'Low-balance threshold set',
    confirmable: false,
    check(facts) {
      const minimum = facts.profile.walletMinimum;
      if (minimum !== null && minimum > 0) {
        return passed(`The wallet alert fires below ${rupeesText(Math.round(minimum * 100))}.`, [
          fact('Wallet minimum', rupeesText(Math.round(minimum * 100))),
        ]);
      }
      return failed(
        'No wallet minimum is set.',
        'Set the wallet minimum (rupees) on the Profiles page, and ask Hubble to set the Wallet Low Balance webhook threshold to match.',
      );
    },
  },
  {
    id: 'top-up-process',
    section: 'wallet',
    title: 'A process for wallet top-ups exists',
    confirmable: true,
    check: () =>
      operator(
        'Only your team knows this.',
        'Confirm who tops up the wallet, how, and how long a top-up takes to arrive.',
      ),
  },
  {
    id: 'webhook-endpoint',
    section: 'webhooks',
    title: 'Webhook receiver or endpoint configured',
    confirmable: true,
    check(facts) {
      const { receiver, webhookSecretSet } = facts.profile;
      if (receiver.enabled && webhookSecretSet) {
        return passed(
          `This console’s receiver is on (port ${receiver.port}) with a webhook secret to verify X-Verify.`,
          [fact('Receiver port', String(receiver.port))],
        );
      }
      if (receiver.enabled) {
        return failed(
          'The receiver is on but no webhook secret is set: signatures cannot be verified.',
          'Set the webhook secret Hubble gave you on the Profiles page.',
          [fact('Receiver port', String(receiver.port))],
        );
      }
      return operator(
        'This console’s receiver is off for this profile.',
        `Confirm your ${envName(facts)} webhook endpoint is registered with Hubble (separate from staging’s) and verifies X-Verify; or turn on the receiver.`,
      );
    },
  },
  webhookItem('brand-updated'),
  webhookItem('wallet-low-balance'),
  webhookItem('order-terminal-state'),
  {
    id: 'rate-limits-entered',
    section: 'rate-limits',
    title: 'Rate-limit allocations entered and monitored',
    confirmable: false,
    check(facts) {
      const limits = facts.profile.rateLimits;
      if (limits.length === 0) {
        return failed(
          'No rate limits are entered.',
          'Enter the limits Hubble allocated (partner and brand level, amount and count, per window) on the Profiles page: the dashboard meters and the rate-limit alert use them.',
        );
      }
      return passed(
        `${limits.length} limit${limits.length === 1 ? '' : 's'} entered.`,
        limits.map((limit, index) => fact(`Limit ${index + 1}`, rateLimitText(limit))),
      );
    },
  },
  {
    id: 'high-volume-plan',
    section: 'rate-limits',
    title: 'High-volume periods planned with Hubble',
    confirmable: true,
    check: () =>
      operator(
        'Only your team knows this.',
        'Confirm Hubble knows about planned campaigns or seasonal spikes and the limits cover them.',
      ),
  },
  {
    id: 'catalog-synced',
    section: 'catalog',
    title: 'Catalog synced within its schedule',
    confirmable: false,
    check(facts) {
      const { catalog } = facts;
      const schedule = describeSchedule(catalog.storedSchedule, facts.profile.catalogSyncHours);
      const scheduleFact = fact('Schedule', schedule);
      if (catalog.storedSchedule?.kind === 'off') {
        return failed('The scheduled catalog sync is off.', 'Choose a daily or weekly sync on the Catalog page.', [
          scheduleFact,
        ]);
      }
      if (!catalog.lastSync) {
        const why = catalog.lastFailure
          ? ` The last attempt failed: ${catalog.lastFailure.error ?? 'unknown error'}.`
          : '';
        return failed(`The catalog never synced.${why}`, 'Sync the catalog on the Catalog page.', [scheduleFact]);
      }
      const age = facts.now - catalog.lastSync.finishedAt;
      const evidence = [
        fact('Last sync', `${catalog.lastSync.brands} brands`, null, catalog.lastSync.finishedAt),
        scheduleFact,
      ];
      if (age > catalogAllowedAgeMs(catalog.storedSchedule, facts.profile.catalogSyncHours)) {
        return failed(
          `The last sync was ${hoursText(age / HOUR_MS)} ago: a scheduled sync was missed.`,
          'Sync now on the Catalog page, and keep the console (or your backend’s sync) running on its schedule.',
          evidence,
        );
      }
      return passed(`Synced ${hoursText(age / HOUR_MS)} ago, within its schedule.`, evidence);
    },
  },
  {
    id: 'inactive-brands-hidden',
    section: 'catalog',
    title: 'INACTIVE brands hidden',
    confirmable: false,
    check(facts) {
      const { catalog } = facts;
      if (catalog.brands === 0) {
        return failed('No catalog to check.', 'Sync the catalog on the Catalog page.');
      }
      const counts = fact('INACTIVE brands', `${catalog.inactive} of ${catalog.brands}`);
      const errors = catalog.inactiveOrderErrors;
      if (errors.count > 0) {
        return failed(
          `${errors.count} order${errors.count === 1 ? ' was' : 's were'} refused with E102: a brand was offered while INACTIVE.`,
          'Filter on each brand’s status before offering it: Hubble lists INACTIVE brands on purpose, and ordering one fails with E102.',
          [counts, fact('Latest E102', 'brand not active', errors.lastRequestId, errors.lastAt)],
        );
      }
      return passed(
        `${catalog.inactive} INACTIVE brand${catalog.inactive === 1 ? ' is' : 's are'} kept with their status and hidden from search and orders; no E102 in the call log.`,
        [counts],
      );
    },
  },
  {
    id: 'order-states',
    section: 'error-handling',
    title: 'Every order state seen on staging (SUCCESS, FAILED, PROCESSING)',
    confirmable: true,
    check(facts) {
      if (!facts.orders) return noHistory(facts);
      const { states } = facts.orders.facts;
      const evidence = ORDER_STATES.flatMap((state) => {
        const example = states[state].example;
        return example
          ? [
              fact(
                `${state} (${states[state].orders})`,
                `referenceId ${example.referenceId ?? '—'}, order ${example.orderId ?? '—'}`,
                example.requestId,
                example.at,
              ),
            ]
          : [];
      });
      const missing = ORDER_STATES.filter((state) => states[state].orders === 0);
      if (missing.length > 0) {
        return failed(
          `Not yet seen in “${facts.orders.profileName}”: ${missing.join(', ')}.`,
          'On staging, place orders that end SUCCESS, FAILED and PROCESSING (a PROCESSING order settles later) and check your system handles each.',
          evidence,
        );
      }
      return passed(`All three states seen in “${facts.orders.profileName}”.`, evidence);
    },
  },
  {
    id: 'retry-new-reference',
    section: 'error-handling',
    title: 'A retry with a new referenceId exercised',
    confirmable: true,
    check(facts) {
      if (!facts.orders) return noHistory(facts);
      const retry = facts.orders.facts.retry;
      if (!retry) {
        return failed(
          `No retry in “${facts.orders.profileName}”.`,
          'On staging, retry a FAILED order (order detail → Retry): it places a new order with a new referenceId, never the same one.',
        );
      }
      return passed(`Retried ${retry.retryOf} as ${retry.referenceId}.`, [
        fact('Retry', `${retry.retryOf} → ${retry.referenceId}`, retry.requestId, retry.at),
      ]);
    },
  },
  {
    id: 'alerts-configured',
    section: 'monitoring',
    title: 'Alerts for each metric Hubble recommends',
    confirmable: true,
    check(facts) {
      if (!facts.alerts.available) {
        return operator(
          'No alert rules in this console for this profile.',
          `Confirm you alert on: ${REQUIRED_ALERTS.map((alert) => alert.label).join(', ')}.`,
        );
      }
      const enabled = new Set(facts.alerts.enabledKinds);
      const missing = REQUIRED_ALERTS.filter((alert) => !enabled.has(alert.kind));
      const evidence = REQUIRED_ALERTS.filter((alert) => enabled.has(alert.kind)).map((alert) =>
        fact('Alert on', alert.label),
      );
      if (missing.length > 0) {
        return failed(
          `No enabled alert for: ${missing.map((alert) => alert.label).join(', ')}.`,
          'Add or enable those rules on the Alerts page.',
          evidence,
        );
      }
      return passed('An enabled alert covers each of them.', evidence);
    },
  },
  {
    id: 'request-ids-kept',
    section: 'support',
    title: 'X-REQUEST-ID kept for every call',
    confirmable: false,
    check(facts) {
      const { calls } = facts;
      if (calls.withoutRequestId > 0) {
        return failed(
          `${calls.withoutRequestId} of ${calls.total} recorded calls have no X-REQUEST-ID.`,
          'Send a fresh X-REQUEST-ID (a UUID) with every call and log it: Hubble support needs it with the order or reference ID, the time and the error body. Fix the backend whose log was imported without it.',
          [fact('Calls recorded', String(calls.total))],
        );
      }
      const latest =
        calls.latest ?? (facts.login.requestId ? { requestId: facts.login.requestId, at: facts.login.at } : null);
      if (!latest) return failed('No calls recorded yet.', 'Run again once the login works.');
      return passed(`Every recorded call keeps its X-REQUEST-ID (${calls.total} in the log).`, [
        fact('Latest call', 'X-REQUEST-ID', latest.requestId, latest.at),
      ]);
    },
  },
];

/** An item the console could not decide, settled on the operator's word (only items a person can vouch for). */
export function applyConfirmation(item: GoLiveItem, confirmation: GoLiveConfirmation): GoLiveItem {
  if (item.status !== 'operator' || !item.confirmable) return item;
  return {
    ...item,
    status: 'passed',
    summary: confirmation.note
      ? `Confirmed by ${confirmation.by}: ${confirmation.note}`
      : `Confirmed by ${confirmation.by}.`,
    fix: null,
    confirmable: false,
    confirmation,
  };
}

/** Turns what a run found into the checklist's verdicts; the operator's confirmations settle only `operator` items. */
export function evaluateChecklist(facts: GoLiveFacts): GoLiveItem[] {
  return CHECKLIST.map((spec) => {
    const verdict = spec.check(facts);
    const item: GoLiveItem = {
      id: spec.id,
      section: spec.section,
      title: spec.title,
      ...verdict,
      confirmable: spec.confirmable && verdict.status === 'operator',
      confirmation: null,
    };
    const confirmation = facts.confirmations.get(spec.id);
    return confirmation ? applyConfirmation(item, confirmation) : item;
  });
}

export function countStatuses(items: readonly GoLiveItem[]): GoLiveCounts {
  const counts = { passed: 0, failed: 0, operator: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

export const checklistSpec = (id: GoLiveItemId): ItemSpec | undefined => CHECKLIST.find((spec) => spec.id === id);

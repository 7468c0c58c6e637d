import type { GoLiveConfirmation, GoLiveItemId, GoLiveMode } from '../../../shared/contract/goLive.ts';
import type { Environment, NetworkAddress, RateLimit } from '../../../shared/contract/profiles.ts';
import type { FailureKind } from '../../../shared/hubble/failure.ts';
import type {
  AlertFacts,
  CallFacts,
  CatalogFacts,
  OrderFacts,
  WalletHistoryFacts,
  WebhookFacts,
} from './history-facts.ts';

/** One live call the checklist made (through the profile's own client, so it is in its call log too). */
export interface CallCheck {
  /** `not-sent`: the call could not start (no secret, keychain unavailable) */
  outcome: 'ok' | 'failed' | 'unknown' | 'not-sent';
  requestId: string | null;
  at: number;
  httpStatus: number | null;
  latencyMs: number | null;
  failureKind: FailureKind | null;
  /** the failure in the console's words (title: explanation), or why it was not sent */
  problem: string | null;
}

export interface ProfileFacts {
  name: string;
  environment: Environment;
  baseUrl: string;
  clientSecretSet: boolean;
  webhookSecretSet: boolean;
  /** rupees; null: not set */
  walletMinimum: number | null;
  rateLimits: readonly RateLimit[];
  receiver: { enabled: boolean; port: number };
  catalogSyncHours: number;
  walletPollSecs: number;
}

/**
 * Everything one checklist run found, gathered in main before any verdict. `evaluateChecklist` turns it into
 * items; it holds values, times and X-REQUEST-IDs, never a secret (credentials are compared in main and only
 * the comparison's outcome is kept).
 */
export interface GoLiveFacts {
  mode: GoLiveMode;
  now: number;
  profile: ProfileFacts;
  counterpart: { name: string; environment: Environment } | null;
  /** null: no counterpart, or one side has no secret to compare */
  sameClientId: boolean | null;
  sameClientSecret: boolean | null;
  login: CallCheck;
  wallet: CallCheck & { balancePaise: number | null };
  walletHistory: WalletHistoryFacts;
  webhooks: WebhookFacts;
  catalog: CatalogFacts;
  /** null: no staging history to read (production run without a staging counterpart) */
  orders: { profileName: string; facts: OrderFacts } | null;
  alerts: AlertFacts;
  calls: CallFacts;
  addresses: readonly NetworkAddress[];
  confirmations: ReadonlyMap<GoLiveItemId, GoLiveConfirmation>;
}

import type { BrandPatch } from './catalogue/change-brand.ts';
import type { ConfigPatch, SimConfig } from './config.ts';
import type { FaultSpec } from './faults.ts';
import type { LatencySettings } from './latency.ts';
import type { ForcedOutcome } from './orders/outcome.ts';
import type { ScenarioName } from './scenarios.ts';
import type { ClientPatch } from './state/clients.ts';
import type { RequestLogEntry } from './state/request-log.ts';
import type { DeliveryRecord } from './webhooks/delivery-log.ts';

export interface SimOrderDetails {
  id: string;
  clientId: string;
  referenceId: string;
  productId: string;
  amount: number;
  refunded: number;
  status: string;
  wasProcessing: boolean;
  settlesAt: string | null;
  history: Array<{ status: string; at: string }>;
  voucherIds: string[];
}

export interface SimFixtures {
  fixed: string;
  flexible: string;
  inactive: string;
  temporarilyDisabled: string;
  notEnabledForStaging: string;
  aboveMaxDenomination: string;
}

/**
 * A typed client for the /__sim/ control API, for tests and tools (any helper's test can drive the simulator
 * through it). Throws on any non-2xx answer, with the simulator's error body in the message.
 */
export function simulatorControl(baseUrl: string) {
  async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`simulator ${method} ${path} → ${response.status} ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    reset: (options: { seed?: number; scenario?: ScenarioName } = {}) =>
      call<{ ok: true; seed: number; scenario: ScenarioName }>('POST', '/__sim/reset', options),
    scenario: (name: ScenarioName) => call<unknown>('POST', '/__sim/scenario', { name }),
    advanceClock: (seconds: number) => call<{ now: number; iso: string }>('POST', '/__sim/clock/advance', { seconds }),
    clock: () => call<{ now: number; iso: string; frozen: boolean }>('GET', '/__sim/clock'),
    setWallet: (clientId: string, balance: number) =>
      call<{ balance: number }>('POST', '/__sim/wallet', { clientId, balance }),
    topUp: (clientId: string, amount: number) =>
      call<{ balance: number }>('POST', '/__sim/wallet/topup', { clientId, amount }),
    client: (clientId: string) =>
      call<Record<string, unknown>>('GET', `/__sim/clients/${encodeURIComponent(clientId)}`),
    patchClient: (clientId: string, patch: ClientPatch) =>
      call<Record<string, unknown>>('POST', `/__sim/clients/${encodeURIComponent(clientId)}`, patch),
    nextOutcome: (forced: ForcedOutcome) => call<unknown>('POST', '/__sim/next-outcome', forced),
    addFault: (fault: FaultSpec) => call<unknown>('POST', '/__sim/faults', fault),
    clearFaults: () => call<unknown>('DELETE', '/__sim/faults'),
    latency: (latency: Partial<LatencySettings>) => call<LatencySettings>('POST', '/__sim/latency', latency),
    config: (patch: ConfigPatch) => call<SimConfig>('POST', '/__sim/config', patch),
    changeBrand: (id: string, patch: BrandPatch) =>
      call<{ brandUpdatedSent: boolean; discountUpdateSent: boolean }>('POST', `/__sim/brands/${id}`, patch),
    order: (orderId: string) => call<SimOrderDetails>('GET', `/__sim/orders/${orderId}`),
    reverse: (orderId: string) => call<SimOrderDetails>('POST', `/__sim/orders/${orderId}/reverse`),
    cancel: (orderId: string) => call<SimOrderDetails>('POST', `/__sim/orders/${orderId}/cancel`),
    settle: (orderId: string, status: 'SUCCESS' | 'FAILED', failureReason?: string) =>
      call<SimOrderDetails>('POST', `/__sim/orders/${orderId}/settle`, { status, failureReason }),
    requests: (since = 0) =>
      call<{ requests: RequestLogEntry[] }>('GET', `/__sim/requests?since=${since}`).then((answer) => answer.requests),
    deliveries: (since = 0) =>
      call<{ deliveries: DeliveryRecord[] }>('GET', `/__sim/webhooks/deliveries?since=${since}`).then(
        (answer) => answer.deliveries,
      ),
    /** Waits until every queued webhook was sent (and retried), then lists the deliveries. */
    flushWebhooks: () =>
      call<{ deliveries: DeliveryRecord[] }>('POST', '/__sim/webhooks/flush').then((answer) => answer.deliveries),
    stats: () => call<{ logins: Record<string, number>; requests: number; orders: number }>('GET', '/__sim/stats'),
    fixtures: () => call<SimFixtures>('GET', '/__sim/catalogue/fixtures'),
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;

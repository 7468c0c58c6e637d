import type { z } from 'zod';
import type { BrandPatch } from '../catalogue/change-brand.ts';
import type { ConfigPatch } from '../config.ts';
import type { FaultSpec } from '../faults.ts';
import type { LatencySettings } from '../latency.ts';
import type { ForcedOutcome } from '../orders/outcome.ts';
import type { ScenarioName } from '../scenarios.ts';
import type { ClientPatch } from '../state/clients.ts';
import {
  CONTROL_CONTRACT,
  type ControlContract,
  type ControlOperationName,
  type resetRequestSchema,
} from './contract.ts';
import type { ControlInput, ControlResponse } from './define.ts';
import { fillPath } from './path-template.ts';

export type { SimClientView, SimFixtures, SimOrderDetails } from './contract.ts';

/**
 * Calls one control as its contract entry describes it, and checks the answer against the entry's response
 * schema. Throws on any non-2xx answer, with the simulator's error body in the message.
 */
export async function invokeControl<N extends ControlOperationName>(
  baseUrl: string,
  name: N,
  input: ControlInput<ControlContract[N]>,
): Promise<ControlResponse<ControlContract[N]>> {
  const spec: ControlContract[ControlOperationName] = CONTROL_CONTRACT[name];
  const { params, query, body } = input as { params?: Record<string, string>; query?: object; body?: unknown };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
  const path = `${fillPath(spec.path, params)}${search.size > 0 ? `?${search}` : ''}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method: spec.method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`simulator ${spec.method} ${path} → ${response.status} ${text}`);
  const answer = (spec.response as z.ZodType).safeParse('contentType' in spec ? text : JSON.parse(text));
  if (!answer.success)
    throw new Error(`simulator ${spec.method} ${path} answered outside its contract: ${answer.error.message}`);
  return answer.data as ControlResponse<ControlContract[N]>;
}

/**
 * A typed client for the /__sim/ control API, for tests, tools and the console's sample traffic: one method per
 * contract entry (a missing or extra one is a compile error), each a thin call of `invokeControl`.
 */
export function simulatorControl(baseUrl: string) {
  const call = <N extends ControlOperationName>(name: N, input: ControlInput<ControlContract[N]>) =>
    invokeControl(baseUrl, name, input);
  return {
    health: () => call('health', {}),
    reset: (options: z.input<typeof resetRequestSchema> = {}) => call('reset', { body: options }),
    scenarios: () => call('scenarios', {}).then((answer) => answer.scenarios),
    scenario: (name: ScenarioName) => call('scenario', { body: { name } }),
    readConfig: () => call('readConfig', {}),
    config: (patch: ConfigPatch) => call('config', { body: patch }),
    clock: () => call('clock', {}),
    advanceClock: (seconds: number) => call('advanceClock', { body: { seconds } }),
    setWallet: (clientId: string, balance: number) => call('setWallet', { body: { clientId, balance } }),
    topUp: (clientId: string, amount: number) => call('topUp', { body: { clientId, amount } }),
    clients: () => call('clients', {}).then((answer) => answer.clients),
    client: (clientId: string) => call('client', { params: { clientId } }),
    patchClient: (clientId: string, patch: ClientPatch) => call('patchClient', { params: { clientId }, body: patch }),
    nextOutcome: (forced: ForcedOutcome) => call('nextOutcome', { body: forced }),
    addFault: (fault: FaultSpec) => call('addFault', { body: fault }),
    faults: () => call('faults', {}).then((answer) => answer.faults),
    clearFaults: () => call('clearFaults', {}),
    latency: (latency: Partial<LatencySettings>) => call('latency', { body: latency }),
    brand: (brandId: string) => call('brand', { params: { brandId } }),
    changeBrand: (brandId: string, patch: BrandPatch) => call('changeBrand', { params: { brandId }, body: patch }),
    fixtures: () => call('fixtures', {}),
    order: (orderId: string) => call('order', { params: { orderId } }),
    reverse: (orderId: string) => call('reverse', { params: { orderId } }),
    cancel: (orderId: string) => call('cancel', { params: { orderId } }),
    settle: (orderId: string, status: 'SUCCESS' | 'FAILED', failureReason?: string) =>
      call('settle', { params: { orderId }, body: { status, failureReason } }),
    requests: (since = 0) => call('requests', { query: { since } }).then((answer) => answer.requests),
    deliveries: (since = 0) => call('deliveries', { query: { since } }).then((answer) => answer.deliveries),
    /** Waits until every queued webhook was sent (and retried), then lists the deliveries. */
    flushWebhooks: () => call('flushWebhooks', {}).then((answer) => answer.deliveries),
    stats: () => call('stats', {}),
    brandArt: (kind: 'logo' | 'icon' | 'thumbnail', brandId: string) => call('brandArt', { params: { kind, brandId } }),
    brandTerms: (brandId: string) => call('brandTerms', { params: { brandId } }),
  };
}

export type SimulatorControl = ReturnType<typeof simulatorControl>;

/** Compile-time check, both ways: every operation has a client method, and every method is an operation. */
const _oneMethodPerOperation: [keyof SimulatorControl, ControlOperationName] extends [
  ControlOperationName,
  keyof SimulatorControl,
]
  ? true
  : never = true;

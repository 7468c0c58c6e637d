import type { z } from 'zod';
import { alertsOperations } from './alerts.ts';
import { appOperations } from './app.ts';
import { auditOperations } from './audit.ts';
import { callOperations } from './calls.ts';
import { catalogOperations } from './catalog.ts';
import type { OperationSpec } from './define.ts';
import { events, type EventName, type EventPayload } from './events.ts';
import { goLiveOperations } from './goLive.ts';
import { guardOperations } from './guard.ts';
import { logImportOperations } from './logImport.ts';
import { metricsOperations } from './metrics.ts';
import { ordersOperations } from './orders.ts';
import { profileOperations } from './profiles.ts';
import { receiverOperations } from './receiver.ts';
import type { Result } from './result.ts';
import { teamOperations } from './team.ts';
import { walletOperations } from './wallet.ts';
import { webhooksOperations } from './webhooks.ts';

/** The whole renderer ↔ main surface, by area. One entry per operation; the preload exposes exactly these. */
export const contract = {
  app: appOperations,
  profiles: profileOperations,
  guard: guardOperations,
  audit: auditOperations,
  calls: callOperations,
  orders: ordersOperations,
  catalog: catalogOperations,
  receiver: receiverOperations,
  logImport: logImportOperations,
  metrics: metricsOperations,
  wallet: walletOperations,
  alerts: alertsOperations,
  goLive: goLiveOperations,
  webhooks: webhooksOperations,
  team: teamOperations,
};
export type Contract = typeof contract;
export type Area = keyof Contract;
/** One operation's channel name, e.g. `profiles.delete`. */
export type Channel = { [A in Area]: `${A}.${keyof Contract[A] & string}` }[Area];

export { events };
export type { EventName, EventPayload };

export const channelOf = (area: string, name: string) => `${area}.${name}`;

/** Every channel in the contract, e.g. `profiles.list`. */
export function listChannels(): string[] {
  return Object.entries(contract).flatMap(([area, ops]) => Object.keys(ops).map((name) => channelOf(area, name)));
}

export function findOperation(channel: string): OperationSpec | undefined {
  const dot = channel.indexOf('.');
  const area = channel.slice(0, dot) as Area;
  const ops = Object.hasOwn(contract, area) ? (contract[area] as Record<string, OperationSpec>) : undefined;
  const name = channel.slice(dot + 1);
  return ops && Object.hasOwn(ops, name) ? ops[name] : undefined;
}

type OperationCall<O extends OperationSpec> =
  undefined extends z.input<O['input']>
    ? (input?: z.input<O['input']>) => Promise<Result<z.output<O['output']>>>
    : (input: z.input<O['input']>) => Promise<Result<z.output<O['output']>>>;

export type HubbleApi = {
  readonly [A in Area]: { readonly [K in keyof Contract[A]]: OperationCall<Contract[A][K] & OperationSpec> };
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export type OperationInput<A extends Area, K extends keyof Contract[A]> = z.output<
  (Contract[A][K] & OperationSpec)['input']
>;
export type OperationOutput<A extends Area, K extends keyof Contract[A]> = z.input<
  (Contract[A][K] & OperationSpec)['output']
>;

import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import type { AuditLog } from '../../kernel/audit/audit-log.ts';
import { AppError } from '../../errors/app-error.ts';
import {
  LOOPBACK_BIND_ADDRESS,
  receiverOperations,
  type ReceivedEvent,
  type ReceivedEventSummary,
  type ReceiverSettings,
  type ReceiverStatus,
} from '../../../shared/contract/receiver.ts';
import type { z } from 'zod';
import { countPending, listEvents, requeueFailed } from './event-queries.ts';
import { findMissingTerminalWebhooks, WEBHOOK_GRACE_MS } from './missing-terminal-webhooks.ts';
import { toReceivedEvent, toSummary } from './received-event-view.ts';
import { readReceiverSettings, writeReceiverSettings } from './receiver-settings-store.ts';
import { readSimulatorWebhookUrls, writeSimulatorWebhookUrls } from './simulator-webhook-urls.ts';
import type { ReceiverRuntime } from './receiver-runtime.ts';
import { replayEvent } from './replay.ts';
import { createWebhookEventStore } from './webhook-event-store.ts';

type Ops = typeof receiverOperations;
type ReceiverHandlers = {
  [K in keyof Ops]: (
    input: z.output<Ops[K]['input']>,
  ) => Promise<z.output<Ops[K]['output']>> | z.output<Ops[K]['output']>;
};

const LOOPBACK = new Set([LOOPBACK_BIND_ADDRESS, '::1']);

export const EXPOSURE_WARNING =
  'Binding the receiver to an address other than loopback lets anyone who can reach this machine send to it. ' +
  'Put a reverse proxy or a tunnel (HTTPS) in front and keep the allow-list on; confirm to continue.';

export function createReceiverHandlers(deps: {
  activeScope: () => ProfileScope;
  /** The built-in Simulator profile's scope: its webhook URLs are edited whichever profile is active. */
  simulatorScope: () => ProfileScope;
  runtimeOf: (scope: ProfileScope) => ReceiverRuntime | undefined;
  reconcile: (scope: ProfileScope) => Promise<void>;
  audit: AuditLog;
  now: () => number;
}): ReceiverHandlers {
  const statusOf = (scope: ProfileScope): ReceiverStatus => {
    const runtime = deps.runtimeOf(scope);
    const live = runtime?.status() ?? { state: 'off' as const, error: null, url: null };
    return {
      enabled: scope.profile().webhookReceiver.enabled,
      ...live,
      settings: readReceiverSettings(scope.db),
      pending: countPending(scope.db),
    };
  };
  const rowOf = (scope: ProfileScope, id: number) => {
    const row = createWebhookEventStore(scope.db).get(id);
    if (!row) throw new AppError('NOT_FOUND', `No received webhook #${id}.`);
    return row;
  };
  return {
    status: () => statusOf(deps.activeScope()),
    async updateSettings({
      settings,
      acknowledgeExposure,
    }: {
      settings: ReceiverSettings;
      acknowledgeExposure?: boolean;
    }) {
      const scope = deps.activeScope();
      if (!LOOPBACK.has(settings.bindAddress) && acknowledgeExposure !== true) {
        throw new AppError('VALIDATION', EXPOSURE_WARNING, {
          issues: [{ path: 'settings.bindAddress', message: 'Confirm that a reverse proxy or tunnel is in front' }],
        });
      }
      writeReceiverSettings(scope.db, settings);
      const profile = scope.profile();
      deps.audit.record({
        action: 'receiver.settings',
        profileId: profile.id,
        profileName: profile.name,
        details: { ...settings },
      });
      await deps.reconcile(scope);
      return statusOf(scope);
    },
    list: (filter): { events: ReceivedEventSummary[] } => ({
      events: listEvents(deps.activeScope().db, filter).map(toSummary),
    }),
    missingTerminalWebhooks: (filter) => ({
      ...findMissingTerminalWebhooks(deps.activeScope().db, filter, deps.now()),
      graceMs: WEBHOOK_GRACE_MS,
    }),
    get: ({ id }): ReceivedEvent => toReceivedEvent(rowOf(deps.activeScope(), id)),
    async retry({ id }) {
      const scope = deps.activeScope();
      if (!requeueFailed(scope.db, id))
        throw new AppError('CONFLICT', `Webhook #${id} has not failed; nothing to retry.`);
      const profile = scope.profile();
      deps.audit.record({
        action: 'receiver.retry',
        profileId: profile.id,
        profileName: profile.name,
        details: { id },
      });
      await deps.runtimeOf(scope)?.drain();
      return toSummary(rowOf(scope, id));
    },
    async replay({ id, url }) {
      const scope = deps.activeScope();
      const row = rowOf(scope, id);
      if (row.verdict !== 'valid' || !row.body)
        throw new AppError('VALIDATION', 'Only a verified event can be replayed.');
      const outcome = await replayEvent(row, url);
      const profile = scope.profile();
      const target = new URL(url);
      deps.audit.record({
        action: 'receiver.replay',
        profileId: profile.id,
        profileName: profile.name,
        // The origin and path only: a query string or user info can carry a token.
        details: {
          id,
          type: row.type,
          target: `${target.origin}${target.pathname}`,
          status: outcome.status,
          error: outcome.error,
        },
      });
      return outcome;
    },
    simulatorWebhookUrls: () => ({ urls: readSimulatorWebhookUrls(deps.simulatorScope().db) }),
    async updateSimulatorWebhookUrls({ urls }) {
      const scope = deps.simulatorScope();
      writeSimulatorWebhookUrls(scope.db, urls);
      const profile = scope.profile();
      // The origin and path only: a query string or user info can carry a token.
      const shown = (url: string) => `${new URL(url).origin}${new URL(url).pathname}`;
      deps.audit.record({
        action: 'receiver.settings',
        profileId: profile.id,
        profileName: profile.name,
        details: {
          simulatorWebhookUrls: {
            all: urls.all === null ? null : shown(urls.all),
            byType: Object.fromEntries(
              Object.entries(urls.byType).flatMap(([type, url]) => (url ? [[type, shown(url)]] : [])),
            ),
          },
        },
      });
      await deps.reconcile(scope);
      return { urls: readSimulatorWebhookUrls(scope.db) };
    },
  };
}

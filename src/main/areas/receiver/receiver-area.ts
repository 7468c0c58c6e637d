import { events } from '../../../shared/contract/index.ts';
import { NO_SIMULATOR_WEBHOOK_URLS } from '../../../shared/contract/receiver.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { simulatorControl } from '../../simulator/control-client.ts';
import { DEMO_CLIENTS } from '../../simulator/index.ts';
import { defineArea } from '../define-area.ts';
import { createReceiverHandlers } from './receiver-handlers.ts';
import { receiverPortIsFree } from './receiver-port-policy.ts';
import { createReceiverRuntime, type ReceiverConfig, type ReceiverRuntime } from './receiver-runtime.ts';
import { readReceiverSettings } from './receiver-settings-store.ts';
import { readSimulatorWebhookUrls, simulatorClientWebhookPatch } from './simulator-webhook-urls.ts';
import { createWebhookEventStore } from './webhook-event-store.ts';
import { openDeliveryWriter } from './worker-delivery-writer.ts';
import type { AppliedWebhook, InboundWebhook, WebhookTopic } from './webhook-topic.ts';
import { AppError } from '../../errors/app-error.ts';
import { SIMULATOR_PROFILE_ID } from '../../kernel/profiles/builtin-simulator.ts';

const RECEIVED_EVENT = 'receiver.received';
const EMIT_EVERY_MS = 250;

export interface ReceiverAreaOptions {
  /** Tests: apply verified events here instead of through the kernel's domain events. */
  topic?: WebhookTopic;
  /** Tests: cut slow senders off sooner than the default 15 s. */
  requestTimeoutMs?: number;
}

/** The local webhook receiver (DESIGN.md §8, docs/receiver.md): one per profile that turns it on. */
export function createReceiverArea(options: ReceiverAreaOptions = {}) {
  return defineArea({
    name: 'receiver',
    create: (kernel) => {
      const removeRule = kernel.profiles.addRule(receiverPortIsFree);
      // Verified events go to the areas that act on them (orders, catalog, wallet) through the kernel's domain
      // events; an area failing leaves the event pending, to be applied again.
      const apply = async (event: InboundWebhook): Promise<AppliedWebhook> => {
        if (options.topic) return options.topic.publish(event);
        const { changes, failures } = await kernel.domain.emit('webhook.verified', event);
        if (failures > 0) throw new AppError('UNAVAILABLE', 'An area could not apply this webhook yet; it is retried.');
        return { handled: changes.length > 0, changes };
      };
      const runtimes = new WeakMap<ProfileScope, ReceiverRuntime>();

      const configOf = (scope: ProfileScope): ReceiverConfig => {
        const { enabled, port } = scope.profile().webhookReceiver;
        return { enabled, port, settings: readReceiverSettings(scope.db) };
      };
      const reconcile = async (scope: ProfileScope) => {
        const runtime = runtimes.get(scope);
        if (!runtime) return;
        await runtime.reconcile(configOf(scope));
        if (scope.profile().environment === 'simulator') await pointSimulatorAt(scope, runtime.status().url);
      };
      // The Simulator profile's receiver is where the embedded simulator delivers: turning it on is all it takes.
      // URLs the operator set in the Simulator profile (one for all, or per type) come first.
      // What the simulator starts with (no URL for any type) is not sent again.
      let simulatorPatchSent = JSON.stringify(simulatorClientWebhookPatch(NO_SIMULATOR_WEBHOOK_URLS, null));
      const pointSimulatorAt = async (scope: ProfileScope, receiverUrl: string | null) => {
        const simulator = kernel.simulator.running();
        if (!simulator) return;
        const patch = simulatorClientWebhookPatch(readSimulatorWebhookUrls(scope.db), receiverUrl);
        const sent = JSON.stringify(patch);
        if (sent === simulatorPatchSent) return;
        await simulatorControl(simulator.baseUrl).patchClient(DEMO_CLIENTS.staging.clientId, patch);
        simulatorPatchSent = sent;
      };
      // A scope closing while settings change (its profile was deleted) has nothing left to reconcile.
      const forEachOpen = (act: (scope: ProfileScope) => Promise<void>) => {
        for (const profileId of kernel.scopes.openProfileIds()) {
          try {
            void act(kernel.scopes.get(profileId)).catch(() => undefined);
          } catch {
            // the profile is gone
          }
        }
      };

      // The renderer hears of deliveries a few times a second at most, however fast they come.
      const announce = (scope: ProfileScope) => {
        let received = 0;
        let lastId = 0;
        let timer: NodeJS.Timeout | null = null;
        return {
          stored(id: number) {
            received += 1;
            lastId = id;
            timer ??= setTimeout(() => {
              timer = null;
              if (RECEIVED_EVENT in events)
                kernel.events.emit(RECEIVED_EVENT as never, { profileId: scope.profileId, lastId, received } as never);
              received = 0;
            }, EMIT_EVERY_MS).unref();
          },
          stop() {
            if (timer) clearTimeout(timer);
          },
        };
      };

      const unsubscribe = [
        kernel.profiles.onChanged(() => forEachOpen(reconcile)),
        kernel.credentials.onChanged((profileId) => {
          if (kernel.scopes.isOpen(profileId)) void runtimes.get(kernel.scopes.get(profileId))?.refreshSecret();
        }),
      ];

      const handlers = {
        receiver: createReceiverHandlers({
          activeScope: () => kernel.scopes.get(kernel.active.id()),
          simulatorScope: () => kernel.scopes.get(SIMULATOR_PROFILE_ID),
          runtimeOf: (scope) => runtimes.get(scope),
          reconcile,
          audit: kernel.audit,
          now: kernel.clock.now,
        }),
      };
      return {
        handlers,
        perProfile(scope) {
          const announcer = announce(scope);
          const runtime = createReceiverRuntime({
            profileId: scope.profileId,
            store: createWebhookEventStore(scope.db),
            openWriter: () => openDeliveryWriter(scope.db),
            apply,
            secret: () => kernel.credentials.secretFor(scope.profileId, 'webhookSecret').catch(() => null),
            now: () => kernel.clock.now(),
            onStored: (stored) => announcer.stored(stored.id),
            requestTimeoutMs: options.requestTimeoutMs,
          });
          runtimes.set(scope, runtime);
          void reconcile(scope);
          return async () => {
            announcer.stop();
            await runtime.close();
          };
        },
        close() {
          for (const stop of unsubscribe) stop();
          removeRule();
        },
      };
    },
  });
}

export const receiverArea = createReceiverArea();

import { AppError } from '../../errors/app-error.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { defineArea } from '../define-area.ts';
import { BATCH_JOB, batchJob, DEFAULT_BATCH_INTERVAL_MS } from './batch-runner.ts';
import { BatchStore } from './batch-store.ts';
import { brandFromHubble, brandsFromHubble, createOrderHandlers, walletFromHubble } from './orders-handlers.ts';
import type { OrdersPort } from './orders-port.ts';
import { recoverUnknownIntents } from './place-order.ts';
import { processingWatcherJob, settleFromWebhook } from './processing-watcher.ts';
import { newReferenceId } from './reference-id.ts';

const RECOVERY_INTERVAL_MS = 60_000;

export interface OrdersAreaOptions {
  /** Tests and benchmarks only: the least time between two rows of a batch. */
  readonly batchIntervalMs?: number;
}

/**
 * orders.*: place, validate, look up, retry, watch and batch orders on the active profile. Money rule: when a
 * profile opens, every order whose outcome is unknown is resolved by its referenceId before anything may place an
 * order, and a batch that was running when the console stopped comes back paused, for the operator to resume.
 */
export const createOrdersArea = (options: OrdersAreaOptions = {}) =>
  defineArea({
    name: 'orders',
    create: (kernel: Kernel) => {
      // Per scope, whether its unknown intents were resolved; keyed by the scope itself, so it ends with it.
      const recovered = new WeakSet<ProfileScope>();
      const portOf = (scope: ProfileScope): OrdersPort => ({
        db: scope.db,
        // Read when a call is made: a watcher tick with nothing due never opens the profile's pool.
        get client() {
          return scope.client();
        },
        newReferenceId,
        now: kernel.clock.now,
      });
      const activeScope = () => kernel.scopes.get(kernel.active.id());
      // Order Reached Terminal State settles the order at once and stops its polling (DESIGN.md §8).
      const stopSettling = kernel.domain.on('webhook.verified', (event) => {
        if (event.type !== 'order-terminal-state') return null;
        const body = event.payload as { orderId?: unknown; id?: unknown; status?: unknown };
        const orderId = typeof body.orderId === 'string' ? body.orderId : typeof body.id === 'string' ? body.id : null;
        if (!orderId || typeof body.status !== 'string') return null;
        const settled = settleFromWebhook(kernel.scopes.get(event.profileId).db, {
          orderId,
          status: body.status,
          at: event.receivedAt,
        });
        return settled === 'settled' ? `order ${orderId} settled as ${body.status}` : null;
      });
      return {
        close: stopSettling,
        handlers: {
          orders: createOrderHandlers({
            port() {
              const scope = activeScope();
              if (!recovered.has(scope)) {
                throw new AppError(
                  'UNAVAILABLE',
                  'Orders whose outcome is unknown are being resolved with Hubble first (by their referenceId); try again in a moment.',
                );
              }
              return portOf(scope);
            },
            brand: brandFromHubble(() => activeScope().client()),
            brands: brandsFromHubble(() => activeScope().client()),
            wallet: walletFromHubble(() => activeScope().client()),
            startBatches: () => kernel.jobs.request(kernel.active.id(), BATCH_JOB),
            audit: (action, details) => {
              const profileId = kernel.active.id();
              kernel.audit.record({ action, profileId, profileName: null, details });
              // Other areas (the wallet's sample after an order) hear of placements through the kernel.
              if (
                (action === 'orders.place' || action === 'orders.retry') &&
                typeof details['referenceId'] === 'string'
              ) {
                void kernel.domain.emit('order.changed', {
                  profileId,
                  referenceId: details['referenceId'],
                  orderId: typeof details['orderId'] === 'string' ? details['orderId'] : null,
                  status: String(details['status'] ?? ''),
                  at: kernel.clock.now(),
                });
              }
            },
          }),
        },
        perProfile(scope) {
          const batches = new BatchStore(scope.db);
          for (const batchId of batches.runningBatchIds())
            batches.transition(
              batchId,
              ['running'],
              'paused',
              kernel.clock.now(),
              'The console stopped (or this profile was closed) during the batch. Resume it to go on: rows already sent are resolved by their referenceId, never sent twice.',
            );
          // A job, so a recovery that could not finish (Hubble unreachable) is tried again, never twice at once;
          // it keeps running so an outcome lost later is resolved too, without blocking placements again.
          scope.addJob({
            name: 'orders.recover-intents',
            schedule: { kind: 'interval', everyMs: RECOVERY_INTERVAL_MS },
            runIfNeverRan: true,
            run: async () => {
              const report = await recoverUnknownIntents(portOf(scope));
              if (report.stillUnknown === 0) recovered.add(scope);
            },
          });
          scope.addJob(processingWatcherJob(() => portOf(scope)));
          scope.addJob(
            batchJob(() => ({
              port: portOf(scope),
              clock: kernel.clock,
              brand: brandFromHubble(() => scope.client()),
              rateLimits: () => scope.profile().rateLimits,
              minIntervalMs: options.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS,
            })),
          );
        },
      };
    },
  });

export const ordersArea = createOrdersArea();

import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { defineArea } from '../define-area.ts';
import { createWalletHandlers } from './wallet-handlers.ts';
import { takeWalletSample } from './wallet-service.ts';

export const WALLET_POLL_JOB = 'wallet.poll';
/** At most one extra sample per this long after orders: a batch of 500 orders must not become 500 balance reads. */
const ORDER_SAMPLE_SPACING_MS = 10_000;

const pending = new WeakMap<ProfileScope, Promise<unknown>>();

/**
 * Takes a wallet sample shortly after an order was placed (the lead wires it to the orders' event). Calls that
 * come while one is in flight share it; the sample waits ORDER_SAMPLE_SPACING_MS so a run of orders costs one read.
 */
export function sampleAfterOrder(
  scope: ProfileScope,
  now: () => number,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
): Promise<unknown> {
  const inFlight = pending.get(scope);
  if (inFlight) return inFlight;
  const sample = wait(ORDER_SAMPLE_SPACING_MS)
    .then(() => takeWalletSample(scope.db, scope.client(), now, 'order'))
    .catch(() => undefined)
    .finally(() => pending.delete(scope));
  pending.set(scope, sample);
  return sample;
}

/** wallet.*: balance samples (a poller per profile), spend rate, runway, top-ups, CSV. */
export const walletArea = defineArea({
  name: 'wallet',
  create: (kernel) => {
    const activeScope = () => kernel.scopes.get(kernel.active.id());
    const handlers = { wallet: createWalletHandlers({ activeScope, now: kernel.clock.now }) };
    const openScope = (profileId: string) => (kernel.scopes.isOpen(profileId) ? kernel.scopes.get(profileId) : null);
    const unsubscribe = [
      // The balance moves with every order: one sample shortly after a run of them.
      kernel.domain.on('order.changed', (event) => {
        const scope = openScope(event.profileId);
        if (scope) void sampleAfterOrder(scope, kernel.clock.now);
        return null;
      }),
      // Hubble's Wallet Low Balance webhook: take a fresh sample now, so the trend and the alerts see it.
      kernel.domain.on('webhook.verified', async (event) => {
        if (event.type !== 'wallet-low-balance') return null;
        const scope = openScope(event.profileId);
        if (!scope) return null;
        const sample = await takeWalletSample(scope.db, scope.client(), kernel.clock.now, 'manual');
        return `wallet sampled after a low-balance webhook (${sample.balancePaise} paise)`;
      }),
    ];
    return {
      handlers,
      close: () => unsubscribe.forEach((stop) => stop()),
      perProfile(scope) {
        const everyMs = () => scope.profile().polling.walletSecs * 1000;
        let scheduledEveryMs = everyMs();
        scope.addJob({
          name: WALLET_POLL_JOB,
          schedule: { kind: 'interval', everyMs: scheduledEveryMs },
          runIfNeverRan: true,
          run: async () => {
            await takeWalletSample(scope.db, scope.client(), kernel.clock.now, 'poll');
            // The operator may have changed the polling interval since the job was registered.
            if (everyMs() !== scheduledEveryMs) {
              scheduledEveryMs = everyMs();
              kernel.jobs.setSchedule(scope.profileId, WALLET_POLL_JOB, {
                kind: 'interval',
                everyMs: scheduledEveryMs,
              });
            }
          },
        });
      },
    };
  },
});

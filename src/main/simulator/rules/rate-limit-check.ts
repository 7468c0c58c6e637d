import { SimError } from '../errors.ts';
import type { ClientState } from '../state/clients.ts';
import type { OrderUsage } from '../state/rate-limits.ts';

/** E400 RATE_LIMIT_EXCEEDED: a business error in the body, never HTTP 429 (seeds/000, Go Live). */
export function checkRateLimits(client: ClientState, usage: OrderUsage, now: number): void {
  const breach = client.rateUsage.check(client.rateLimits, usage, now);
  if (!breach) return;
  const { limit } = breach;
  const scope =
    limit.scope === 'partner'
      ? 'partner'
      : `brand${limit.brandId ? ` ${limit.brandId}` : ''}${limit.perCustomer ? ' per end-customer' : ''}`;
  const what = limit.type === 'amount' ? `₹${limit.limit} by amount` : `${limit.limit} orders`;
  throw new SimError('RATE_LIMIT_EXCEEDED', { debugMessage: `${scope} ${limit.window} limit of ${what} reached` });
}

import type { WebhookTypeId } from '../../../shared/webhooks/webhook-types.ts';

/** A verified, stored webhook as the areas that act on it see it (the payload is parsed; card data is theirs to mask). */
export interface InboundWebhook {
  readonly profileId: string;
  readonly eventId: number;
  readonly type: WebhookTypeId;
  readonly payload: unknown;
  readonly receivedAt: number;
}

/** What a subscriber did with an event, in words the Received tab shows ("order 01H… → SUCCESS"). */
export type WebhookHandler = (event: InboundWebhook) => Promise<readonly string[]> | readonly string[];

export interface AppliedWebhook {
  /** False when no area handles this type (yet): the event is recorded, not applied. */
  handled: boolean;
  changes: string[];
}

/**
 * A small typed in-process topic: the receiver publishes, the orders, catalog and wallet areas subscribe by
 * type, and neither knows the other (areas never import each other). Meant for the kernel (`kernel.inbound`);
 * it lives here until the lead moves it. Subscribers run one after the other; the first error fails the event
 * (it stays in webhook_events as failed with the operator-safe message, and can be retried).
 */
export function createWebhookTopic() {
  const handlers = new Map<WebhookTypeId, Set<WebhookHandler>>();
  return {
    subscribe(types: readonly WebhookTypeId[], handler: WebhookHandler): () => void {
      for (const type of types) {
        const set = handlers.get(type) ?? new Set();
        set.add(handler);
        handlers.set(type, set);
      }
      return () => {
        for (const type of types) handlers.get(type)?.delete(handler);
      };
    },
    async publish(event: InboundWebhook): Promise<AppliedWebhook> {
      const subscribed = [...(handlers.get(event.type) ?? [])];
      const changes: string[] = [];
      for (const handler of subscribed) changes.push(...(await handler(event)));
      return { handled: subscribed.length > 0, changes };
    },
  };
}
export type WebhookTopic = ReturnType<typeof createWebhookTopic>;

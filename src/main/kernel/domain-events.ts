import type { WebhookTypeId } from '../../shared/webhooks/webhook-types.ts';

/**
 * What one area tells the others inside main. Areas never import each other: the receiver announces a verified
 * webhook here and the orders, catalog and wallet areas apply what they understand; the orders area announces an
 * order's change and the wallet takes a sample. (Renderer-facing events stay on the EventBus, checked against
 * the contract.)
 */
export interface DomainEvents {
  /** A webhook that was verified and durably stored; each subscriber answers what it changed, if anything. */
  'webhook.verified': {
    profileId: string;
    /** the receiver's stored event id */
    eventId: number;
    type: WebhookTypeId | null;
    /** the parsed body (card data is the subscriber's to mask; it is never stored by the receiver's appliers) */
    payload: unknown;
    receivedAt: number;
  };
  /** An order placed or settled by the console (its status after the change). */
  'order.changed': { profileId: string; referenceId: string; orderId: string | null; status: string; at: number };
}

export type DomainEventName = keyof DomainEvents;
/** A subscriber's answer: a short description of what it changed, or null when the event was not for it. */
export type DomainEventHandler<E extends DomainEventName> = (
  payload: DomainEvents[E],
) => string | null | void | Promise<string | null | void>;

export class DomainEventBus {
  readonly #handlers = new Map<DomainEventName, Set<DomainEventHandler<DomainEventName>>>();
  readonly #onError: (where: string, error: unknown) => void;

  constructor(onError: (where: string, error: unknown) => void = () => undefined) {
    this.#onError = onError;
  }

  on<E extends DomainEventName>(event: E, handler: DomainEventHandler<E>): () => void {
    let set = this.#handlers.get(event);
    if (!set) this.#handlers.set(event, (set = new Set()));
    set.add(handler as DomainEventHandler<DomainEventName>);
    return () => set.delete(handler as DomainEventHandler<DomainEventName>);
  }

  /**
   * Runs every subscriber in turn and answers what they changed. One subscriber failing does not stop the others;
   * its error is reported and listed, so the caller (e.g. the receiver's processing state) can retry the event.
   */
  async emit<E extends DomainEventName>(
    event: E,
    payload: DomainEvents[E],
  ): Promise<{ changes: string[]; failures: number }> {
    const changes: string[] = [];
    let failures = 0;
    for (const handler of this.#handlers.get(event) ?? []) {
      try {
        const changed = await handler(payload);
        if (changed) changes.push(changed);
      } catch (error) {
        failures += 1;
        this.#onError(`domain-event.${event}`, error);
      }
    }
    return { changes, failures };
  }
}

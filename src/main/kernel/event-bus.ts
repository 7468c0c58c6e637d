import { events, type EventName, type EventPayload } from '../../shared/contract/index.ts';

export type EventSink = (event: EventName, payload: unknown) => void;

/** Main's outbound events. Payloads are checked against the contract before anyone sees them. */
export class EventBus {
  readonly #sinks = new Set<EventSink>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].payload.parse(payload);
    for (const sink of this.#sinks) sink(event, parsed);
  }

  connect(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }
}

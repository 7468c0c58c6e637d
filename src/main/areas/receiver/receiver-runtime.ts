import type { ReceiverSettings, ReceiverStatus } from '../../../shared/contract/receiver.ts';
import { WriterStoppedError, type DeliveryWriter } from './delivery-writer.ts';
import { createEventProcessor, type ApplyWebhook, type EventProcessor } from './event-processor.ts';
import { startReceiverServer, type ReceiverServer } from './receiver-server.ts';
import type { Outcome, StoredDelivery, WebhookEventStore } from './webhook-event-store.ts';

export interface ReceiverConfig {
  enabled: boolean;
  port: number;
  settings: ReceiverSettings;
}

const PROCESS_AFTER_MS = 10;
// Acknowledging comes first: Hubble does not retry a delivery, and a sender that waits too long for its 200 may
// give up on it, while applying an event has no deadline. So while deliveries keep arriving (one stored within
// RECEIVING_MS), a processing pass gives main back after each batch and the next pass comes BUSY_PASS_MS later;
// once they stop, processing catches up at full speed. Under a burst processing still moves (a batch per pass),
// and nothing is lost meanwhile: the events are committed as pending (docs/receiver.md, round 4).
const RECEIVING_MS = 20;
const BUSY_PASS_MS = 100;

/** The path of a profile's endpoint: staging and production deliveries can never share one. */
export const receiverPathOf = (profileId: string) => `/hubble/${encodeURIComponent(profileId)}`;

/**
 * One profile's receiver while its scope is open: the processor (which replays whatever is pending as soon as
 * it starts) and the HTTP server, restarted when the port or settings change and closed with the scope.
 */
export function createReceiverRuntime(deps: {
  profileId: string;
  store: WebhookEventStore;
  /** The receiver's writer while its server runs (`openDeliveryWriter`: a worker thread on the profile database). */
  openWriter: () => DeliveryWriter;
  apply: ApplyWebhook;
  secret: () => Promise<string | null>;
  now: () => number;
  onStored?: (stored: StoredDelivery) => void;
  onError?: (error: unknown) => void;
  requestTimeoutMs?: number;
}) {
  let writer: DeliveryWriter | null = null;
  // Outcomes go through the writer thread while it runs, so main does not wait on its write lock; without it (the
  // receiver off, or its writer gone) on main's connection.
  const recordOutcomes = async (outcomes: readonly Outcome[]) => {
    if (writer) {
      try {
        return await writer.recordOutcomes(outcomes);
      } catch (error) {
        // A writer closing with the server is expected; the outcomes then go on main's connection.
        if (!(error instanceof WriterStoppedError)) deps.onError?.(error);
      }
    }
    deps.store.recordOutcomes(outcomes);
  };
  const processor: EventProcessor = createEventProcessor({
    profileId: deps.profileId,
    store: deps.store,
    recordOutcomes,
    apply: deps.apply,
    now: deps.now,
    onError: deps.onError,
  });
  let server: ReceiverServer | null = null;
  let applied: ReceiverConfig | null = null;
  let state: ReceiverStatus['state'] = 'off';
  let error: string | null = null;
  let secret: string | null = null;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const sameConfig = (a: ReceiverConfig | null, b: ReceiverConfig) =>
    a !== null &&
    a.enabled === b.enabled &&
    a.port === b.port &&
    JSON.stringify(a.settings) === JSON.stringify(b.settings);

  const reconcileNow = async (config: ReceiverConfig) => {
    if (closed || sameConfig(applied, config)) return;
    applied = config;
    await stopServer();
    state = 'off';
    error = null;
    if (!config.enabled) return;
    state = 'starting';
    try {
      secret = await deps.secret();
      writer = deps.openWriter();
      server = await startReceiverServer({
        path: receiverPathOf(deps.profileId),
        port: config.port,
        settings: config.settings,
        secret: () => secret,
        writer,
        now: deps.now,
        onError: deps.onError,
        requestTimeoutMs: deps.requestTimeoutMs,
        onStored: (stored, delivery, payload) => {
          lastStoredAt = performance.now();
          deps.onStored?.(stored);
          if (stored.duplicateOf !== null) return;
          processor.handOver({
            id: stored.id,
            received_at: delivery.receivedAt,
            type: delivery.type,
            body: delivery.body,
            payload,
          });
          scheduleProcessing();
        },
      });
      state = 'listening';
      deps.store.noteListening(deps.now());
    } catch (cause) {
      state = 'failed';
      const code = (cause as { code?: string }).code;
      error =
        code === 'EADDRINUSE'
          ? `Port ${config.port} is in use by another program.`
          : code === 'EADDRNOTAVAIL'
            ? `This machine has no address ${config.settings.bindAddress}.`
            : 'The receiver could not start; see the main log.';
      if (!code) deps.onError?.(cause);
      await stopServer();
    }
  };

  // The writer outlives the server by the batches the server was still committing.
  const stopServer = async () => {
    await server?.close();
    server = null;
    await writer?.close();
    writer = null;
  };

  // Processing starts a few milliseconds after the first stored delivery, so under a burst one pass (and one
  // commit of outcomes) covers many deliveries instead of competing with the receiver turn by turn.
  let drainTimer: NodeJS.Timeout | null = null;
  let lastStoredAt = -Infinity;
  const receiving = () => performance.now() - lastStoredAt < RECEIVING_MS;
  /** the last pass gave way to the receiver with work left: the next one waits BUSY_PASS_MS */
  let gaveWay = false;
  const scheduleProcessing = () => {
    if (drainTimer !== null || closed) return;
    drainTimer = setTimeout(
      () => {
        drainTimer = null;
        processor.process(receiving).then(
          () => {
            gaveWay = processor.hasWork();
            if (gaveWay) scheduleProcessing();
          },
          (error: unknown) => deps.onError?.(error),
        );
      },
      gaveWay && receiving() ? BUSY_PASS_MS : PROCESS_AFTER_MS,
    );
  };

  // Events answered 200 before a crash are applied now, whether or not the receiver is on.
  void processor.drain();

  return {
    reconcile(config: ReceiverConfig): Promise<void> {
      chain = chain.then(() => reconcileNow(config));
      return chain;
    },
    async refreshSecret(): Promise<void> {
      if (server) secret = await deps.secret();
    },
    drain: () => processor.drain(),
    status: () => ({ state, error, url: state === 'listening' && server ? server.url : null }),
    async close(): Promise<void> {
      closed = true;
      await chain;
      await stopServer();
      state = 'off';
      if (drainTimer !== null) clearTimeout(drainTimer);
      await processor.close();
    },
  };
}
export type ReceiverRuntime = ReturnType<typeof createReceiverRuntime>;

import { Agent, request } from 'undici';
import type { WebhookConfig } from '../config.ts';
import { DeliveryLog, type DeliveryRecord } from './delivery-log.ts';
import type { WebhookType } from './payloads.ts';
import { signWebhook } from './signer.ts';

export interface WebhookJob {
  clientId: string;
  url: string;
  secret: string;
  type: WebhookType;
  payload: unknown;
}

interface Pending {
  record: DeliveryRecord;
  generation: number;
}

const OUT_OF_ORDER_HOLD_MS = 500;

/**
 * Sends webhooks in the background, one at a time in the order they were raised (so tests are repeatable),
 * never on the API request's path. Only HTTP 200 counts as delivered (hubble-api.md §8.1). Hubble does not retry
 * (seeds/001); the `retries` switch makes the simulator retry with exponential backoff.
 */
export class WebhookDispatcher {
  readonly log = new DeliveryLog();
  private readonly config: () => WebhookConfig;
  private readonly now: () => number;
  private readonly agent = new Agent({ keepAliveTimeout: 1000, connections: 8 });
  private readonly queue: Pending[] = [];
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private held: { pending: Pending; timer: NodeJS.Timeout } | undefined;
  private running = false;
  private generation = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(deps: { config: () => WebhookConfig; now: () => number }) {
    this.config = deps.config;
    this.now = deps.now;
  }

  enqueue(job: WebhookJob): void {
    const config = this.config();
    const body = JSON.stringify(job.payload);
    // The bad-signature switch signs with a different key, so the body is intact but X-Verify cannot match.
    const signature = signWebhook(body, config.badSignature ? `${job.secret}:wrong` : job.secret);
    const record = this.log.create({
      at: new Date(this.now()).toISOString(),
      clientId: job.clientId,
      url: job.url,
      type: job.type,
      body,
      signature,
      signatureValid: !config.badSignature,
      duplicateOf: null,
    });
    const copies: Pending[] = [{ record, generation: this.generation }];
    if (config.duplicate) {
      const copy = this.log.create({
        at: record.at,
        clientId: job.clientId,
        url: job.url,
        type: job.type,
        body,
        signature,
        signatureValid: record.signatureValid,
        duplicateOf: record.seq,
      });
      copies.push({ record: copy, generation: this.generation });
    }
    if (config.outOfOrder) {
      for (const pending of copies) this.holdOrSwap(pending);
    } else {
      this.queue.push(...copies);
    }
    this.pump();
  }

  /** Resolves once nothing is queued, held, in flight or waiting to retry. */
  flush(): Promise<void> {
    if (this.held) this.releaseHeld();
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets everything queued or logged; deliveries already in flight finish unrecorded. */
  reset(): void {
    this.generation += 1;
    this.queue.length = 0;
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    if (this.held) clearTimeout(this.held.timer);
    this.held = undefined;
    this.log.clear();
    this.notifyIfIdle();
  }

  async close(): Promise<void> {
    this.reset();
    await this.agent.destroy();
  }

  private holdOrSwap(pending: Pending): void {
    if (this.held) {
      const earlier = this.held.pending;
      clearTimeout(this.held.timer);
      this.held = undefined;
      this.queue.push(pending, earlier);
    } else {
      const timer = setTimeout(() => this.releaseHeld(), OUT_OF_ORDER_HOLD_MS);
      timer.unref();
      this.held = { pending, timer };
    }
  }

  private releaseHeld(): void {
    if (!this.held) return;
    clearTimeout(this.held.timer);
    this.queue.push(this.held.pending);
    this.held = undefined;
    this.pump();
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    void (async () => {
      try {
        while (this.queue.length > 0) {
          const pending = this.queue.shift()!;
          await this.attempt(pending).catch(() => undefined);
        }
      } finally {
        this.running = false;
        this.notifyIfIdle();
      }
    })();
  }

  private async attempt(pending: Pending): Promise<void> {
    const { record } = pending;
    const config = this.config();
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await request(record.url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { 'content-type': 'application/json', 'x-verify': record.signature, 'user-agent': 'hubble-simulator' },
        body: record.body,
        headersTimeout: config.timeoutMs,
        bodyTimeout: config.timeoutMs,
        signal: AbortSignal.timeout(config.timeoutMs),
      });
      status = response.statusCode;
      await response.body.dump();
    } catch (cause) {
      error = cause instanceof Error ? cause.message : 'delivery failed';
    }
    if (pending.generation !== this.generation) return;
    record.attempts += 1;
    record.responseStatus = status;
    record.attemptLog.push({
      at: new Date(this.now()).toISOString(),
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    });
    if (status === 200) {
      record.state = 'delivered';
      return;
    }
    if (record.attempts <= config.retries) {
      const timer = setTimeout(
        () => {
          this.retryTimers.delete(timer);
          if (pending.generation !== this.generation) return;
          this.queue.push(pending);
          this.pump();
        },
        config.retryBackoffMs * 2 ** (record.attempts - 1),
      );
      timer.unref();
      this.retryTimers.add(timer);
      return;
    }
    record.state = 'failed';
  }

  private isIdle(): boolean {
    return !this.running && this.queue.length === 0 && this.retryTimers.size === 0 && !this.held;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

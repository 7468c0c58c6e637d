import type Database from 'better-sqlite3';
import type { ValidationIssue } from '../../../shared/contract/orders.ts';
import type { RateLimit } from '../../../shared/contract/profiles.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import { maskEmail, maskPhone } from '../../../shared/hubble/redact.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Clock } from '../../kernel/jobs/clock.ts';
import type { JobContext, JobSpec } from '../../kernel/jobs/job-scheduler.ts';
import { BatchStore, type RunnableRow } from './batch-store.ts';
import { OrderStore } from './order-store.ts';
import type { OrdersPort } from './orders-port.ts';
import { placeOrder, resolveIntent } from './place-order.ts';
import { paceUnderLimits } from './rate-limit-pacer.ts';

export const BATCH_JOB = 'orders.batch';
/** Rows go out at most this often by default (10 a second), so a batch never drowns the profile's other calls. */
export const DEFAULT_BATCH_INTERVAL_MS = 100;

/** Refusals that would repeat for every following row: the batch pauses instead of burning through them. */
const PAUSING_ERRORS: Record<string, string> = {
  E300: 'Hubble refused line {line} for an insufficient wallet balance (E300). Top up, then resume.',
  E400: 'Hubble refused line {line} for a rate limit (E400). Resume once the limit’s window has passed.',
};

export interface BatchRunDeps {
  readonly port: OrdersPort;
  readonly clock: Clock;
  /** the brand as Hubble (or the catalog) has it now: a row is checked again against it just before it is sent */
  brand(productId: string): Promise<Brand>;
  /** the profile's rate limits (profile.rateLimits), read before every row so an edit applies at once */
  rateLimits(): readonly RateLimit[];
  readonly minIntervalMs: number;
}

type RunContext = Pick<JobContext, 'signal' | 'progress'>;

/** Sleepers per database, woken when the operator pauses, resumes or cancels a batch. */
const sleepers = new WeakMap<Database.Database, Set<() => void>>();

/** Wakes a runner waiting for its pacing or a rate-limit window, so a pause or cancel takes effect at once. */
export function wakeBatchRunner(db: Database.Database): void {
  for (const wake of [...(sleepers.get(db) ?? [])]) wake();
}

function nap(deps: BatchRunDeps, ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  const { db } = deps.port;
  let set = sleepers.get(db);
  if (!set) sleepers.set(db, (set = new Set()));
  const registry = set;
  return new Promise((resolve) => {
    let cancelTimer: () => void = () => undefined;
    const done = () => {
      cancelTimer();
      signal.removeEventListener('abort', done);
      registry.delete(done);
      resolve();
    };
    registry.add(done);
    signal.addEventListener('abort', done);
    cancelTimer = deps.clock.setTimer(done, ms);
  });
}

/** The same masked form the orders table keeps, so a per-customer limit counts this customer's stored orders. */
const customerKey = (row: RunnableRow): string | null => {
  const customer = row.customerDetails;
  if (!customer) return null;
  if (customer.phoneNumber) return maskPhone(customer.phoneNumber);
  if (customer.email) return maskEmail(customer.email);
  return customer.name ?? null;
};

const rejectionOf = (db: Database.Database, rowId: number) =>
  db.prepare('SELECT status, error_id AS errorId FROM orders WHERE id = ?').get(rowId) as {
    status: string;
    errorId: string | null;
  };

/**
 * Rows the runner may have sent before it stopped (crash, quit, kill): the intent is committed before the POST, so
 * a row without an order row was never sent and stays pending; one with an order row is resolved by its
 * referenceId like any single order (adopt, or 404 → resend with the same referenceId). Never sent twice.
 */
async function settleSentRows(deps: BatchRunDeps, store: BatchStore, batchId: string): Promise<void> {
  const orders = new OrderStore(deps.port.db);
  for (const row of store.rowsToSettle(batchId)) {
    const order = orders.byReferenceId(row.referenceId);
    if (!order) {
      store.markPending(row.rowId);
      continue;
    }
    if (order.intentState !== 'resolved') await resolveIntent(deps.port, row.referenceId);
    store.markPlaced(row.rowId);
  }
}

const rateLimitIssue = (reason: string): ValidationIssue => ({
  id: null,
  code: 'ABOVE_RATE_LIMIT',
  field: 'amount',
  message: reason,
});

/** Runs one batch until it is done, paused, cancelled or the run is aborted. */
export async function runBatch(deps: BatchRunDeps, batchId: string, ctx: RunContext): Promise<void> {
  const { port } = deps;
  const store = new BatchStore(port.db);
  await settleSentRows(deps, store, batchId);
  const brands = new Map<string, Brand>();
  const total = store.summary(batchId)?.rowsValid ?? 0;
  // Counted once, then kept up to date here: a count per row would make a long batch quadratic.
  let left = port.db
    .prepare(`SELECT count(*) FROM order_batch_rows WHERE batch_id = ? AND state IN ('pending', 'placing')`)
    .pluck()
    .get(batchId) as number;
  const report = (message: string) => ctx.progress(Math.max(0, total - left), total, `${batchId}: ${message}`);
  const pause = (reason: string) => store.transition(batchId, ['running'], 'paused', port.now(), reason);
  let lastSentAt = Number.NEGATIVE_INFINITY;
  report('starting');
  for (;;) {
    if (ctx.signal.aborted || store.state(batchId) !== 'running') return;
    const row = store.nextPending(batchId);
    if (!row) {
      store.transition(batchId, ['running'], 'done', port.now());
      report('done');
      return;
    }
    const gap = lastSentAt + deps.minIntervalMs - port.now();
    if (gap > 0) {
      await nap(deps, gap, ctx.signal);
      continue;
    }
    const pace = paceUnderLimits(
      port.db,
      deps.rateLimits(),
      { brandId: row.brandId, amountPaise: row.amountPaise, customerKey: customerKey(row) },
      port.now(),
    );
    if (pace.kind === 'never') {
      store.markInvalid(row.rowId, [rateLimitIssue(pace.reason)]);
      left -= 1;
      continue;
    }
    if (pace.kind === 'wait') {
      report(`waiting until ${new Date(pace.until).toISOString()}: ${pace.reason}`);
      await nap(deps, pace.until - port.now(), ctx.signal);
      continue;
    }
    let brand = brands.get(row.brandId);
    if (!brand) {
      try {
        brand = await deps.brand(row.brandId);
        brands.set(row.brandId, brand);
      } catch (error) {
        if (error instanceof AppError && error.kind === 'NOT_FOUND') {
          store.markInvalid(row.rowId, [
            { id: 'E101', code: 'BRAND_NOT_ENABLED', field: 'brand', message: error.message },
          ]);
          left -= 1;
          continue;
        }
        pause(`The brand of line ${row.line} could not be read from Hubble; resume to try again.`);
        return;
      }
    }
    if (!store.sendable(batchId, row.rowId)) continue;
    lastSentAt = port.now();
    // No await between the check above and the intent's commit inside placeOrder.
    const result = await placeOrder(
      { ...port, newReferenceId: () => row.referenceId },
      {
        brand,
        amountPaise: row.amountPaise,
        denominations: row.denominations,
        customerDetails: row.customerDetails ?? undefined,
        source: 'batch',
        batchId,
      },
    );
    left -= 1;
    if (result.kind === 'refused') {
      store.markInvalid(row.rowId, result.validation.issues);
      continue;
    }
    store.markPlaced(row.rowId);
    report(`line ${row.line} ${result.order.status}`);
    if (result.order.intentState !== 'resolved') {
      // Hubble could not be asked what happened: sending more rows now would only add unknown outcomes.
      pause(
        `Hubble did not answer for line ${row.line}; its outcome is being resolved by its referenceId. Resume when Hubble is reachable.`,
      );
      return;
    }
    if (result.order.status !== 'REJECTED') continue;
    const { errorId } = rejectionOf(port.db, result.order.rowId);
    const pauseText = errorId ? PAUSING_ERRORS[errorId] : undefined;
    if (pauseText) {
      pause(pauseText.replace('{line}', String(row.line)));
      return;
    }
  }
}

/** Every running batch of the profile, oldest first, until none is left running. */
export async function runBatches(deps: BatchRunDeps, ctx: RunContext): Promise<void> {
  const store = new BatchStore(deps.port.db);
  // A batch left running by an aborted pass is not picked again in this pass (no busy loop).
  const visited = new Set<string>();
  for (;;) {
    if (ctx.signal.aborted) return;
    const next = store.runningBatchIds().find((id) => !visited.has(id));
    if (next === undefined) return;
    visited.add(next);
    await runBatch(deps, next, ctx);
  }
}

/** The profile's batch job: runs only when asked (orders.batchRun / batchResume request it). */
export function batchJob(deps: () => BatchRunDeps): JobSpec {
  return {
    name: BATCH_JOB,
    schedule: { kind: 'off' },
    run: (ctx) => runBatches(deps(), ctx),
  };
}

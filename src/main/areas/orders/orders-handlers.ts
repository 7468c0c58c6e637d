import type { z } from 'zod';
import type { AuditAction } from '../../../shared/contract/audit.ts';
import type { BatchSummary, OrderDetail, OrderKey, ordersOperations } from '../../../shared/contract/orders.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import type { HubbleClient } from '../../hubble/hubble-client.ts';
import { AppError } from '../../errors/app-error.ts';
import type { WalletReading } from './batch-dry-run.ts';
import { importBatch } from './batch-import.ts';
import { batchResultCsv } from './batch-result-csv.ts';
import { wakeBatchRunner } from './batch-runner.ts';
import { BatchStore } from './batch-store.ts';
import { brandRules } from './brand-rules.ts';
import { proposeSplit } from './denomination-split.ts';
import { formatPaise, rupeesToPaise } from './money.ts';
import { buildOrderBundle } from './order-bundle.ts';
import { lookupOrder } from './order-lookup.ts';
import { OrderStore, type StoredOrder } from './order-store.ts';
import type { OrdersPort } from './orders-port.ts';
import { placeOrder, retryOrder, type PlaceOrderResult, type RetryRefusal } from './place-order.ts';
import { validateOrder } from './validate-order.ts';
import { exportBatchVouchers, revealVouchers } from './voucher-reveal.ts';
import { readWatchSettings, stuckRuleOf, writeWatchSettings } from './watch-settings.ts';

type Operations = typeof ordersOperations;
/** The same shape as `Handlers['orders']` once the contract registers the area. */
export type OrderHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx?: unknown,
  ) => Promise<z.input<Operations[K]['output']>>;
};

export interface OrderHandlerDeps {
  /** the active profile's orders port; throws (UNAVAILABLE) until its scope is open and intents are recovered */
  port(): OrdersPort;
  /** the brand as the catalog holds it, else from Hubble; throws AppError NOT_FOUND for an unknown id */
  brand(productId: string): Promise<Brand>;
  /** operator actions worth an audit entry (never a card number, PIN or full customer contact) */
  audit?: (action: OrdersAuditAction, details: Record<string, unknown>) => void;
  /** every brand enabled for the account, for batch CSVs that name brands (default: none can be read) */
  brands?: () => Promise<readonly Brand[]>;
  /** the wallet balance, for the batch dry run's E300 prediction */
  wallet?: () => Promise<WalletReading>;
  /** asks the profile's batch job (orders.batch) to run the running batches */
  startBatches?: () => void;
}

export type OrdersAuditAction = Extract<AuditAction, `orders.${string}`>;

/** The wallet from a client, in paise; a failure is a reading that says why. */
export function walletFromHubble(client: () => Pick<HubbleClient, 'walletBalance'>): () => Promise<WalletReading> {
  return async () => {
    const result = await client().walletBalance();
    if (result.outcome !== 'ok') return { ok: false, message: result.failure.title };
    const paise = rupeesToPaise(result.value.balance);
    return paise === null
      ? { ok: false, message: 'Hubble answered an unreadable balance' }
      : { ok: true, balancePaise: paise };
  };
}

/** Every brand Hubble lists for this account, following its pages. */
export function brandsFromHubble(client: () => Pick<HubbleClient, 'listProducts'>): () => Promise<Brand[]> {
  return async () => {
    const brands: Brand[] = [];
    let query: Parameters<HubbleClient['listProducts']>[0] = {};
    for (let page = 0; page < 1_000; page += 1) {
      const result = await client().listProducts(query);
      if (result.outcome !== 'ok') throw new AppError('HUBBLE', result.failure.title, { failure: result.failure });
      brands.push(...result.value.brands);
      const next = result.value.nextCursor;
      if (next === null || next === undefined) return brands;
      query =
        typeof next === 'string'
          ? { cursor: next }
          : { pageNo: Number(next.pageNo), ...(next.limit ? { limit: Number(next.limit) } : {}) };
      if (typeof next !== 'string' && !Number.isFinite(Number(next.pageNo))) return brands;
    }
    return brands;
  };
}

/** A brand source for when no catalog exists yet: `GET /v1/partners/products/:id`. */
export function brandFromHubble(client: () => Pick<HubbleClient, 'getProduct'>): (productId: string) => Promise<Brand> {
  return async (productId) => {
    const result = await client().getProduct(productId);
    if (result.outcome === 'ok') return result.value;
    if (result.failure.kind === 'not-found') throw new AppError('NOT_FOUND', `Hubble has no brand ${productId}.`);
    throw new AppError('HUBBLE', result.failure.title, { failure: result.failure });
  };
}

const storeOf = (port: OrdersPort) => new OrderStore(port.db, stuckRuleOf(port.db, port.now()));

const detailOf = (port: OrdersPort, order: StoredOrder): OrderDetail => {
  const detail = storeOf(port).detail(order.rowId);
  if (!detail) throw new AppError('INTERNAL', 'The order row vanished while it was read.');
  return detail;
};

const RETRY_REFUSALS: Record<RetryRefusal['kind'], (refusal: RetryRefusal) => AppError> = {
  'not-found': () => new AppError('NOT_FOUND', 'No stored order has this referenceId.'),
  'not-retryable': (refusal) =>
    new AppError(
      'CONFLICT',
      refusal.kind === 'not-retryable' && refusal.intentState !== 'resolved'
        ? 'This order’s outcome is not known yet; it is being resolved by its referenceId, not retried.'
        : `Only a FAILED or REJECTED order can be retried; this one is ${refusal.kind === 'not-retryable' ? refusal.status : ''}.`,
    ),
  'already-retried': (refusal) =>
    new AppError(
      'CONFLICT',
      `This order was already retried as ${refusal.kind === 'already-retried' ? refusal.by : ''}; retry that one instead.`,
    ),
  'customer-details-needed': () =>
    new AppError('VALIDATION', 'Enter the customer details again: they are not kept once an order’s outcome is known.'),
  'teammate-order': (refusal) =>
    new AppError(
      'CONFLICT',
      `This order was placed from ${refusal.kind === 'teammate-order' ? refusal.operator : ''}’s console (team mode); retry it there, so it is never retried twice.`,
    ),
};

function placedOrThrow(port: OrdersPort, result: PlaceOrderResult): OrderDetail {
  if (result.kind === 'refused') {
    const [first] = result.validation.issues;
    throw new AppError('VALIDATION', first?.message ?? 'The order is not valid for this brand.', {
      issues: result.validation.issues,
    });
  }
  return detailOf(port, result.order);
}

const findOrder = (port: OrdersPort, key: OrderKey): StoredOrder => {
  const store = new OrderStore(port.db);
  const order = 'orderId' in key ? store.byOrderId(key.orderId) : store.byReferenceId(key.referenceId);
  if (!order) throw new AppError('NOT_FOUND', 'No stored order has this id.');
  return order;
};

function batchOrThrow(batches: BatchStore, batchId: string): BatchSummary {
  const summary = batches.summary(batchId);
  if (!summary) throw new AppError('NOT_FOUND', 'No batch has this id.');
  return summary;
}

/** A pause, resume or cancel: only from the states it makes sense in; a sleeping runner is woken to see it. */
function changeBatch(
  deps: OrderHandlerDeps,
  batchId: string,
  from: BatchSummary['state'][],
  to: BatchSummary['state'],
  action: OrdersAuditAction,
  reason: string | null = null,
): BatchSummary {
  const port = deps.port();
  const batches = new BatchStore(port.db);
  const before = batchOrThrow(batches, batchId);
  if (!batches.transition(batchId, from, to, port.now(), reason))
    throw new AppError('CONFLICT', `This batch is ${before.state}; it cannot become ${to}.`);
  wakeBatchRunner(port.db);
  deps.audit?.(action, { batchId, name: before.name, from: before.state });
  return batchOrThrow(batches, batchId);
}

/** The IPC handlers of the orders area (registered by the kernel with the contract's `orders` operations). */
export function createOrderHandlers(deps: OrderHandlerDeps): OrderHandlers {
  return {
    validate: async (input) => validateOrder(brandRules(await deps.brand(input.productId)), input),
    proposeSplit: async ({ productId, amountPaise }) =>
      proposeSplit(brandRules(await deps.brand(productId)), amountPaise),
    place: async ({ confirmationToken: _token, ...input }) => {
      const port = deps.port();
      const brand = await deps.brand(input.productId);
      const detail = placedOrThrow(port, await placeOrder(port, { ...input, brand }));
      deps.audit?.('orders.place', {
        referenceId: detail.referenceId,
        orderId: detail.orderId,
        brandId: detail.brandId,
        amountPaise: detail.amountPaise,
        status: detail.status,
      });
      return detail;
    },
    search: async (input) => storeOf(deps.port()).search(input),
    get: async (key) => {
      const port = deps.port();
      return detailOf(port, findOrder(port, key));
    },
    lookup: async ({ value, live }) => {
      const port = deps.port();
      const result = await lookupOrder(port, value, live);
      if (result.found === 'error') throw new AppError('HUBBLE', result.failure.title, { failure: result.failure });
      if (result.found === 'none') return { found: 'none', order: null };
      return { found: result.found, order: detailOf(port, result.order) };
    },
    retry: async ({ referenceId, customerDetails }) => {
      const port = deps.port();
      const original = new OrderStore(port.db).byReferenceId(referenceId);
      if (!original?.brandId) throw RETRY_REFUSALS['not-found']({ kind: 'not-found' });
      const brand = await deps.brand(original.brandId);
      const result = await retryOrder(port, { referenceId, brand, customerDetails });
      if (result.kind === 'retry-refused') throw RETRY_REFUSALS[result.refusal.kind](result.refusal);
      const detail = placedOrThrow(port, result);
      deps.audit?.('orders.retry', {
        retryOf: referenceId,
        referenceId: detail.referenceId,
        orderId: detail.orderId,
        amountPaise: detail.amountPaise,
        status: detail.status,
      });
      return detail;
    },
    watchSettings: async () => readWatchSettings(deps.port().db),
    setWatchSettings: async (settings) => {
      const saved = writeWatchSettings(deps.port().db, settings);
      deps.audit?.('orders.watch-settings', { ...saved });
      return saved;
    },
    batchImport: async (input) => {
      const port = deps.port();
      const report = await importBatch(
        {
          port,
          brands:
            deps.brands ?? (() => Promise.reject(new AppError('UNAVAILABLE', 'The brand list is not available.'))),
          wallet: deps.wallet ?? (async () => ({ ok: false, message: 'the wallet is not available here' })),
        },
        input,
      );
      deps.audit?.('orders.batch-import', {
        batchId: report.batchId,
        name: report.name,
        rows: report.rows,
        validRows: report.validRows,
        totalPaise: report.totalPaise,
      });
      return report;
    },
    batchRun: async ({ batchId, expectedTotalPaise }) => {
      const port = deps.port();
      const batches = new BatchStore(port.db);
      const summary = batchOrThrow(batches, batchId);
      if (summary.state !== 'draft')
        throw new AppError(
          'CONFLICT',
          `This batch is ${summary.state}; only an imported batch that never ran can start.`,
        );
      if (summary.totalPaise !== expectedTotalPaise)
        throw new AppError(
          'CONFLICT',
          `The batch totals ${formatPaise(summary.totalPaise)}, not the ${formatPaise(expectedTotalPaise)} that was confirmed.`,
        );
      if (summary.rowsValid === 0) throw new AppError('CONFLICT', 'This batch has no valid row to place.');
      const wallet = await (deps.wallet?.() ?? Promise.resolve({ ok: false as const, message: '' }));
      // Money rule: a batch the wallet cannot cover would only collect E300 refusals; it does not start.
      if (wallet.ok && wallet.balancePaise < summary.totalPaise)
        throw new AppError(
          'CONFLICT',
          `The wallet holds ${formatPaise(wallet.balancePaise)} but the batch needs ${formatPaise(summary.totalPaise)}: Hubble would refuse rows with E300. Top up first.`,
          { balancePaise: wallet.balancePaise, totalPaise: summary.totalPaise },
        );
      if (!batches.transition(batchId, ['draft'], 'running', port.now()))
        throw new AppError('CONFLICT', 'This batch was started or cancelled meanwhile.');
      deps.audit?.('orders.batch-run', {
        batchId,
        name: summary.name,
        rows: summary.rowsValid,
        totalPaise: summary.totalPaise,
      });
      deps.startBatches?.();
      return batchOrThrow(batches, batchId);
    },
    batchPause: async ({ batchId }) =>
      changeBatch(deps, batchId, ['running'], 'paused', 'orders.batch-pause', 'Paused by the operator.'),
    batchResume: async ({ batchId }) => {
      const summary = changeBatch(deps, batchId, ['paused'], 'running', 'orders.batch-resume');
      deps.startBatches?.();
      return summary;
    },
    batchCancel: async ({ batchId }) =>
      changeBatch(deps, batchId, ['draft', 'running', 'paused'], 'cancelled', 'orders.batch-cancel'),
    batches: async () => ({ batches: new BatchStore(deps.port().db).all() }),
    batch: async ({ batchId, offset, limit }) => {
      const batches = new BatchStore(deps.port().db);
      const summary = batchOrThrow(batches, batchId);
      return {
        ...summary,
        report: batches.report(batchId)!,
        rows: batches.rows(batchId, offset, limit),
        rowsOffset: offset,
      };
    },
    batchResultCsv: async ({ batchId }) => {
      const port = deps.port();
      const batches = new BatchStore(port.db);
      return batchResultCsv(batchOrThrow(batches, batchId), batches.rows(batchId), port.now());
    },
    revealVouchers: async (key) => {
      const revealed = await revealVouchers(deps.port(), key);
      deps.audit?.('orders.vouchers-revealed', {
        orderId: revealed.orderId,
        referenceId: revealed.referenceId,
        vouchers: revealed.vouchers.length,
        voucherIds: revealed.vouchers.map((voucher) => voucher.id),
      });
      return revealed;
    },
    exportBatchVouchers: async ({ batchId }) => {
      const exported = await exportBatchVouchers(deps.port(), batchId);
      deps.audit?.('orders.vouchers-exported', { batchId, orders: exported.orders, vouchers: exported.vouchers });
      return exported;
    },
    bundle: async (key) => {
      const port = deps.port();
      const order = findOrder(port, key);
      const bundle = buildOrderBundle(port.db, detailOf(port, order), order.rowId, port.now());
      deps.audit?.('orders.bundle', { orderId: order.orderId, referenceId: order.referenceId, calls: bundle.calls });
      return bundle;
    },
  };
}

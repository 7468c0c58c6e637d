import type Database from 'better-sqlite3';
import type {
  CustomerDetails,
  DenominationLine,
  OrderSource,
  OrderValidation,
} from '../../../shared/contract/orders.ts';
import { REFERENCE_ID_MAX } from '../../../shared/contract/orders.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import type { PlaceOrderRequest } from '../../../shared/hubble/order.ts';
import { maskEmail, maskPhone } from '../../../shared/hubble/redact.ts';
import type { HubbleFailure } from '../../../shared/hubble/failure.ts';
import { brandRules } from './brand-rules.ts';
import { paiseToRupees } from './money.ts';
import { OrderStore, type StoredOrder } from './order-store.ts';
import type { OrdersPort } from './orders-port.ts';
import { validateOrder } from './validate-order.ts';

/** How many by-reference → resend rounds one resolution tries before it leaves the outcome unknown for later. */
const RESOLUTION_ROUNDS = 4;

export interface PlaceOrderInput {
  brand: Brand;
  amountPaise?: number | undefined;
  denominations?: readonly DenominationLine[] | undefined;
  customerDetails?: CustomerDetails | undefined;
  source?: OrderSource;
  batchId?: string | null;
  /** the referenceId of the FAILED/REJECTED order this one retries */
  retryOf?: string | null;
}

export type PlaceOrderResult =
  { kind: 'refused'; validation: OrderValidation } | { kind: 'placed'; order: StoredOrder };

export interface RecoveryReport {
  resolved: number;
  stillUnknown: number;
}

/** referenceIds being worked on per database, so a placement and a recovery never resolve the same intent twice. */
const busy = new WeakMap<Database.Database, Set<string>>();

async function exclusively<T>(db: Database.Database, referenceId: string, work: () => Promise<T>): Promise<T | null> {
  let set = busy.get(db);
  if (!set) busy.set(db, (set = new Set()));
  if (set.has(referenceId)) return null;
  set.add(referenceId);
  try {
    return await work();
  } finally {
    set.delete(referenceId);
  }
}

const maskedCustomer = (customer: CustomerDetails | undefined): Record<string, string> | null => {
  if (!customer || Object.keys(customer).length === 0) return null;
  const masked: Record<string, string> = {};
  if (customer.name) masked['name'] = customer.name;
  if (customer.phoneNumber) masked['phoneNumber'] = maskPhone(customer.phoneNumber);
  if (customer.email) masked['email'] = maskEmail(customer.email);
  return masked;
};

function requestBody(
  brand: Brand,
  referenceId: string,
  amountPaise: number,
  lines: readonly DenominationLine[],
  customer: CustomerDetails | undefined,
): PlaceOrderRequest {
  return {
    productId: brand.id,
    referenceId,
    amount: paiseToRupees(amountPaise),
    denominationDetails: lines.map((line) => ({
      denomination: paiseToRupees(line.denominationPaise),
      quantity: line.quantity,
    })),
    ...(customer && Object.keys(customer).length > 0 ? { customerDetails: customer } : {}),
  };
}

/** Sends the stored body once and records what came back; `unknown` is left for resolution by referenceId. */
async function send(port: OrdersPort, store: OrderStore, order: StoredOrder, purpose: 'place' | 'resend') {
  store.setIntentState(order.rowId, 'sent', port.now());
  const result = await port.client.placeOrder(order.request as PlaceOrderRequest);
  store.linkCalls(order.rowId, result.call, purpose, result.outcome, port.now());
  return result;
}

/**
 * Resolves one intent whose outcome is not known, only by GET /orders/by-reference: found → adopt that order;
 * 404 → not created, so resend the same body with the same referenceId; anything else → still unknown (tried
 * again later, never guessed). A resend that is refused is checked by reference once more before the order is
 * called REJECTED, so a duplicate-reference answer can never hide an order that exists.
 */
async function resolve(port: OrdersPort, store: OrderStore, start: StoredOrder): Promise<StoredOrder> {
  let order = start;
  let refusedResend: HubbleFailure | null = null;
  for (let round = 0; round < RESOLUTION_ROUNDS; round += 1) {
    const found = await port.client.getOrderByReference(order.referenceId!);
    store.linkCalls(order.rowId, found.call, 'resolve', found.outcome, port.now());
    if (found.outcome === 'ok') return store.adopt(order.rowId, found.value, 'resolve', port.now());
    if (found.failure.kind !== 'not-found') {
      store.setIntentState(order.rowId, 'unknown', port.now(), found.failure);
      return store.byRowId(order.rowId)!;
    }
    if (refusedResend) return store.reject(order.rowId, refusedResend, 'resend', port.now());
    const sent = await send(port, store, order, 'resend');
    if (sent.outcome === 'ok') return store.adopt(order.rowId, sent.value, 'resend', port.now());
    if (sent.outcome === 'failed') refusedResend = sent.failure;
    else store.setIntentState(order.rowId, 'unknown', port.now(), sent.failure);
    order = store.byRowId(order.rowId)!;
  }
  store.setIntentState(order.rowId, 'unknown', port.now());
  return store.byRowId(order.rowId)!;
}

/**
 * Places one order with a write-ahead intent: validated against the brand's rules first (nothing is sent when
 * Hubble would refuse), then the row with its fixed referenceId is committed, and only then does the POST leave.
 * A lost answer (timeout, reset, 5xx, unreadable) makes the outcome `unknown`, resolved by referenceId at once
 * and, if Hubble cannot be asked now, by `recoverUnknownIntents` later. Never a blind resend.
 */
export async function placeOrder(port: OrdersPort, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const validation = validateOrder(brandRules(input.brand), input);
  if (validation.issues.length > 0 || !validation.lines || validation.amountPaise === null)
    return { kind: 'refused', validation };
  const referenceId = port.newReferenceId();
  if (referenceId.length === 0 || referenceId.length > REFERENCE_ID_MAX)
    throw new Error(`A referenceId must be 1–${REFERENCE_ID_MAX} characters`);
  const store = new OrderStore(port.db);
  const intent = store.insertIntent({
    referenceId,
    brandId: input.brand.id,
    brandName: input.brand.title,
    amountPaise: validation.amountPaise,
    denominations: validation.lines,
    customer: maskedCustomer(input.customerDetails),
    request: requestBody(input.brand, referenceId, validation.amountPaise, validation.lines, input.customerDetails),
    source: input.source ?? 'console',
    batchId: input.batchId ?? null,
    retryOf: input.retryOf ?? null,
    at: port.now(),
  });
  const placed = await exclusively(port.db, referenceId, async () => {
    const result = await send(port, store, intent, 'place');
    if (result.outcome === 'ok') return store.adopt(intent.rowId, result.value, 'place', port.now());
    if (result.outcome === 'failed') return store.reject(intent.rowId, result.failure, 'place', port.now());
    store.setIntentState(intent.rowId, 'unknown', port.now(), result.failure);
    return resolve(port, store, store.byRowId(intent.rowId)!);
  });
  return { kind: 'placed', order: placed ?? store.byRowId(intent.rowId)! };
}

/** Resolves one stored intent by its referenceId (see `resolve`); a resolved order is returned as it is. */
export async function resolveIntent(port: OrdersPort, referenceId: string): Promise<StoredOrder | undefined> {
  const store = new OrderStore(port.db);
  const order = store.byReferenceId(referenceId);
  if (!order || order.intentState === 'resolved') return order;
  return (
    (await exclusively(port.db, referenceId, () => resolve(port, store, order))) ?? store.byReferenceId(referenceId)
  );
}

/**
 * Every intent without a known outcome (pending, sent or unknown: the console may have stopped at any point
 * around the POST) is resolved by referenceId. Called when a profile scope opens, before any placement is allowed.
 */
export async function recoverUnknownIntents(port: OrdersPort): Promise<RecoveryReport> {
  const store = new OrderStore(port.db);
  let resolved = 0;
  let stillUnknown = 0;
  for (const intent of store.openIntents()) {
    const after = await resolveIntent(port, intent.referenceId!);
    if (after?.intentState === 'resolved') resolved += 1;
    else stillUnknown += 1;
  }
  return { resolved, stillUnknown };
}

export type RetryRefusal =
  | { kind: 'not-found' }
  | { kind: 'not-retryable'; status: string; intentState: string }
  | { kind: 'already-retried'; by: string }
  | { kind: 'customer-details-needed' }
  | { kind: 'teammate-order'; operator: string };

/**
 * Retries a FAILED (or REJECTED) order on the operator's request: a new order with a new referenceId, linked to
 * the original by `retry_of`. A referenceId is used up even when its order failed, so the old one is never resent;
 * one retry per original (a unique index backs this), so a double click cannot issue two.
 */
export async function retryOrder(
  port: OrdersPort,
  input: { referenceId: string; brand: Brand; customerDetails?: CustomerDetails | undefined },
): Promise<PlaceOrderResult | { kind: 'retry-refused'; refusal: RetryRefusal }> {
  const store = new OrderStore(port.db);
  const original = store.byReferenceId(input.referenceId);
  if (!original || !original.denominations || original.amountPaise === null)
    return { kind: 'retry-refused', refusal: { kind: 'not-found' } };
  // Money: "one retry per original" is only enforceable where the original was placed, so a teammate's order
  // (team mode) is retried from the console that placed it, never from two.
  const teammate = port.db
    .prepare('SELECT origin_operator FROM orders WHERE reference_id = ? AND origin_console IS NOT NULL')
    .pluck()
    .get(input.referenceId) as string | null | undefined;
  if (teammate !== undefined)
    return { kind: 'retry-refused', refusal: { kind: 'teammate-order', operator: teammate ?? 'a teammate' } };
  if (original.intentState !== 'resolved' || (original.status !== 'FAILED' && original.status !== 'REJECTED'))
    return {
      kind: 'retry-refused',
      refusal: { kind: 'not-retryable', status: original.status, intentState: original.intentState },
    };
  const retried = store.retryOf(input.referenceId);
  if (retried) return { kind: 'retry-refused', refusal: { kind: 'already-retried', by: retried.referenceId ?? '' } };
  // Full customer details are not kept once an outcome is known, so they must be given again.
  if (original.hadCustomer && !input.customerDetails)
    return { kind: 'retry-refused', refusal: { kind: 'customer-details-needed' } };
  return placeOrder(port, {
    brand: input.brand,
    amountPaise: original.amountPaise,
    denominations: original.denominations,
    customerDetails: input.customerDetails,
    source: 'console',
    retryOf: input.referenceId,
  });
}

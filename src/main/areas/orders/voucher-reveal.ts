import { stringify } from 'csv-stringify/sync';
import type { OrderKey, RevealedVoucher } from '../../../shared/contract/orders.ts';
import type { Order } from '../../../shared/hubble/order.ts';
import { AppError } from '../../errors/app-error.ts';
import { BatchStore } from './batch-store.ts';
import { neutralise } from './batch-result-csv.ts';
import { rupeesToPaise } from './money.ts';
import { OrderStore } from './order-store.ts';
import type { OrdersPort } from './orders-port.ts';

/*
 * Card numbers and PINs are never written to disk: they are fetched from Hubble for the one request that asked,
 * returned to the caller and dropped. The order row keeps voucher ids only (adopt() never reads card fields), and
 * the call log stores the answer redacted by field name (cardNumber, cardPin).
 */

const toRevealed = (order: Order): RevealedVoucher[] =>
  order.vouchers.map((voucher) => ({
    id: voucher.id,
    cardType: voucher.cardType ?? null,
    cardNumber: voucher.cardNumber ?? null,
    cardPin: voucher.cardPin ?? null,
    validTill: voucher.validTill ?? null,
    amountPaise: rupeesToPaise(voucher.amount),
  }));

/** Fetches one stored order from Hubble (GET /orders/:id) and answers its vouchers with their cards. */
export async function revealVouchers(port: OrdersPort, key: OrderKey) {
  const store = new OrderStore(port.db);
  const order = 'orderId' in key ? store.byOrderId(key.orderId) : store.byReferenceId(key.referenceId);
  if (!order) throw new AppError('NOT_FOUND', 'No stored order has this id.');
  if (!order.orderId) throw new AppError('CONFLICT', 'Hubble has no order for this referenceId: there are no cards.');
  const fetched = await port.client.getOrder(order.orderId);
  store.linkCalls(order.rowId, fetched.call, 'reveal', fetched.outcome, port.now());
  if (fetched.outcome !== 'ok') throw new AppError('HUBBLE', fetched.failure.title, { failure: fetched.failure });
  // The status and voucher ids are worth keeping (a webhook-settled order learns its ids here); the cards are not.
  store.adopt(order.rowId, fetched.value, 'lookup', port.now());
  return {
    orderId: fetched.value.id,
    referenceId: fetched.value.referenceId ?? order.referenceId,
    status: fetched.value.status,
    vouchers: toRevealed(fetched.value),
  };
}

/**
 * The one export of a batch's cards: every successful order is fetched from Hubble first; only when all of them
 * answered is the export recorded (a second one is then refused) and the text handed back. Nothing is written here.
 */
export async function exportBatchVouchers(port: OrdersPort, batchId: string) {
  const batches = new BatchStore(port.db);
  const summary = batches.summary(batchId);
  if (!summary) throw new AppError('NOT_FOUND', 'No batch has this id.');
  if (summary.vouchersExported)
    throw new AppError('CONFLICT', 'This batch’s vouchers were exported once already; a second export is refused.');
  if (summary.state === 'running' || summary.counts.inFlight > 0)
    throw new AppError('CONFLICT', 'Export the vouchers once the batch has stopped and every outcome is known.');
  const store = new OrderStore(port.db);
  const partnerReferences = new Map(
    batches.rows(batchId).map((row) => [row.referenceId, row.partnerReference] as const),
  );
  const lines: string[][] = [];
  let orders = 0;
  for (const { referenceId, orderId, status } of batches.orderIdsOf(batchId)) {
    if (status !== 'SUCCESS') continue;
    const local = store.byOrderId(orderId)!;
    const fetched = await port.client.getOrder(orderId);
    store.linkCalls(local.rowId, fetched.call, 'export', fetched.outcome, port.now());
    if (fetched.outcome !== 'ok')
      throw new AppError(
        'HUBBLE',
        `The cards of ${referenceId} could not be fetched (${fetched.failure.title}); nothing was exported, try again.`,
        { failure: fetched.failure },
      );
    orders += 1;
    for (const voucher of toRevealed(fetched.value))
      lines.push(
        [
          partnerReferences.get(referenceId) ?? '',
          referenceId,
          orderId,
          voucher.id,
          voucher.cardType ?? '',
          voucher.amountPaise === null ? '' : (voucher.amountPaise / 100).toFixed(2),
          voucher.cardNumber ?? '',
          voucher.cardPin ?? '',
          voucher.validTill ?? '',
        ].map(neutralise),
      );
  }
  if (!batches.markVouchersExported(batchId, port.now()))
    throw new AppError('CONFLICT', 'This batch’s vouchers were exported once already; a second export is refused.');
  const text = stringify(lines, {
    header: true,
    columns: [
      'partner_reference',
      'reference_id',
      'order_id',
      'voucher_id',
      'card_type',
      'amount_inr',
      'card_number',
      'card_pin',
      'valid_till',
    ],
  });
  const label = summary.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'batch';
  return { text, fileName: `hubble-vouchers-${label}.csv`, orders, vouchers: lines.length };
}

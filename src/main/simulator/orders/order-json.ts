import type { SimConfig } from '../config.ts';
import type { OrderRecord, VoucherRecord } from '../state/orders.ts';

/** The Voucher object (hubble-api.md §6.3); `amount` as a V1-style string when that switch is on. */
export function voucherJson(voucher: VoucherRecord, config: SimConfig) {
  const amount = voucher.amountPaise / 100;
  return {
    id: voucher.id,
    cardType: voucher.cardType,
    cardNumber: voucher.cardNumber,
    cardPin: voucher.cardPin,
    validTill: voucher.validTill,
    amount: config.voucherAmountAsString ? String(amount) : amount,
  };
}

/** The Order object (hubble-api.md §6.2): vouchers only while SUCCESS, failureReason only when FAILED. */
export function orderJson(order: OrderRecord, config: SimConfig) {
  return {
    id: order.id,
    referenceId: order.referenceId,
    status: order.status,
    vouchers: order.status === 'SUCCESS' ? order.vouchers.map((voucher) => voucherJson(voucher, config)) : [],
    failureReason: order.status === 'FAILED' ? order.failureReason : null,
  };
}

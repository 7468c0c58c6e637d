import type { Brand } from '../catalogue/catalogue-schema.ts';
import type { OrderRecord, VoucherRecord } from '../state/orders.ts';
import { istDatePlusMonths } from '../time.ts';
import type { OrderPort } from './order-port.ts';

/** One voucher per unit of quantity, each worth its denomination, valid for the brand's expiry (12 months by default). */
export function createVouchers(port: OrderPort, order: OrderRecord, brand: Brand): VoucherRecord[] {
  const { random } = port;
  const now = port.now();
  const validTill = istDatePlusMonths(now, brand.voucherExpiryInMonths ?? 12);
  const vouchers: VoucherRecord[] = [];
  for (const line of order.denominationDetails) {
    for (let i = 0; i < line.quantity; i += 1) {
      vouchers.push({
        id: port.newId(),
        orderId: order.id,
        clientId: order.clientId,
        cardType: brand.cardType,
        cardNumber: `${random.int(1, 9)}${random.digits(15)}`,
        cardPin: random.digits(6),
        validTill,
        amountPaise: Math.round(line.denomination * 100),
      });
    }
  }
  return vouchers;
}

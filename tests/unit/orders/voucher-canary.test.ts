import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupOrder } from '../../../src/main/areas/orders/order-lookup.ts';
import { placeOrder } from '../../../src/main/areas/orders/place-order.ts';
import type { CallRecord } from '../../../src/main/hubble/call-recorder.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { rs } from './brands.ts';
import { liveBrand, rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

const PHONE = '9812345678';
const EMAIL = 'canary.person@example.com';

const fileBytes = (file: string) =>
  ['', '-wal']
    .map((suffix) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix).toString('latin1') : ''))
    .join('\n');

describe('card numbers and PINs never reach the orders database', () => {
  it('keeps no card number or PIN in the file after orders whose answers carried vouchers', async () => {
    const raw: CallRecord[] = [];
    const client = sim.client({ recorder: { record: (call) => raw.push(call) } });
    const port = orders.port(client);
    const fx = await sim.control.fixtures();
    const brand = await liveBrand(client, fx.fixed);
    const customerDetails = { name: 'Canary Person', phoneNumber: PHONE, email: EMAIL };

    const direct = await placeOrder(port, {
      brand,
      denominations: [{ denominationPaise: rs(500), quantity: 2 }],
      customerDetails,
    });
    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'drop-after-commit' });
    const adopted = await placeOrder(port, {
      brand,
      denominations: [{ denominationPaise: rs(1000), quantity: 3 }],
      customerDetails,
    });
    const outside = await client.placeOrder({
      productId: fx.fixed,
      referenceId: 'canary-outside',
      amount: 2000,
      denominationDetails: [{ denomination: 2000, quantity: 1 }],
    });
    if (direct.kind !== 'placed' || adopted.kind !== 'placed' || outside.outcome !== 'ok')
      throw new Error('setup failed');
    expect(direct.order.status).toBe('SUCCESS');
    expect(adopted.order.status).toBe('SUCCESS');
    await lookupOrder(port, outside.value.id, true);

    const secrets = [
      ...new Set(
        raw.flatMap((call) =>
          (
            (call.responseJson as { vouchers?: Array<{ cardNumber?: string; cardPin?: string }> } | undefined)
              ?.vouchers ?? []
          ).flatMap((voucher) =>
            [voucher.cardNumber, voucher.cardPin].filter((value): value is string => Boolean(value)),
          ),
        ),
      ),
    ];
    // Positive control: the answers really carried card data (2 + 3 vouchers placed, 1 looked up), each seen here.
    expect(secrets.length).toBeGreaterThanOrEqual(12);

    const file = orders.file();
    const whileOpen = fileBytes(file);
    expect(whileOpen.length).toBeGreaterThan(0);
    port.db.pragma('wal_checkpoint(TRUNCATE)');
    const afterCheckpoint = fileBytes(file);
    for (const secret of secrets) {
      expect(whileOpen).not.toContain(secret);
      expect(afterCheckpoint).not.toContain(secret);
    }
    // Voucher ids are kept (a reveal fetches the card from Hubble, audited); full customer contact details are not.
    const stored = JSON.stringify(rows(port.db, 'SELECT * FROM orders'));
    expect(stored).toContain(outside.value.vouchers[0]!.id);
    expect(stored).not.toContain(PHONE);
    expect(stored).not.toContain(EMAIL);
    expect(stored).toContain('98******78');
  });
});

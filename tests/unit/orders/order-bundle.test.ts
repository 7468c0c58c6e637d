import { describe, expect, it } from 'vitest';
import type { OrderBundle, OrderDetail, RevealedVoucher } from '../../../src/shared/contract/orders.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { useOrdersConsole } from './console-fixture.ts';

const sim = useSimulator();
const openConsole = useOrdersConsole(sim);

describe('support bundle for an order (orders.bundle)', () => {
  it('holds the status timeline and every call behind the order, redacted, as text and JSON', async () => {
    const { call, core } = await openConsole();
    const fx = await sim.control.fixtures();
    // The answer is lost after Hubble committed the order: placed, then resolved by referenceId.
    await sim.control.addFault({ path: '/v1/partners/orders', method: 'POST', kind: 'drop-after-commit' });
    const order = await call<OrderDetail>('orders.place', {
      productId: fx.fixed,
      amountPaise: 100_000,
      customerDetails: { name: 'Asha', phoneNumber: '9812345678', email: 'asha.k@example.com' },
    });
    expect(order.status).toBe('SUCCESS');
    const cards = await call<{ vouchers: RevealedVoucher[] }>('orders.revealVouchers', { orderId: order.orderId });
    core.kernel.scopes.get('simulator').recorder.flush();

    const bundle = await call<OrderBundle>('orders.bundle', { referenceId: order.referenceId });
    expect(bundle.calls).toBe(3);
    expect(bundle.timeline).toBe(2);
    for (const { requestId } of order.calls) expect(bundle.text).toContain(requestId);
    expect(bundle.text).toContain(`Order ID:       ${order.orderId}`);
    expect(bundle.text).toContain(`Reference ID:   ${order.referenceId}`);
    expect(bundle.text).toMatch(/INTENT\s+\(intent\)/);
    expect(bundle.text).toMatch(/SUCCESS\s+\(resolve\)/);
    expect(bundle.text).toContain('Environment:    simulator');
    const json = JSON.parse(bundle.json) as {
      calls: Array<{ method: string; path: string; outcome: string; responseBody: unknown }>;
      timeline: Array<{ status: string }>;
    };
    expect(json.calls.map((entry) => `${entry.method} ${entry.outcome}`)).toEqual(['POST unknown', 'GET ok', 'GET ok']);
    expect(json.timeline.map((entry) => entry.status)).toEqual(['INTENT', 'SUCCESS']);
    // Redacted: no card, no PIN, no full phone number or e-mail, no token.
    for (const voucher of cards.vouchers) {
      expect(bundle.text + bundle.json).not.toContain(voucher.cardNumber!);
      expect(bundle.text + bundle.json).not.toContain(voucher.cardPin!);
    }
    expect(bundle.text + bundle.json).not.toContain('9812345678');
    expect(bundle.text + bundle.json).not.toContain('asha.k@example.com');
    expect(bundle.text + bundle.json).not.toMatch(/eyJ[A-Za-z0-9_-]{4,}\./);
    await expect(call('orders.bundle', { orderId: 'NOPE' })).rejects.toMatchObject({ kind: 'NOT_FOUND' });
  });
});

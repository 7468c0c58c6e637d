import { describe, expect, it } from 'vitest';
import type { BatchReport, BatchSummary, OrderDetail, RevealedVoucher } from '../../../src/shared/contract/orders.ts';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { csvOf } from './batch-fixture.ts';
import { useOrdersConsole } from './console-fixture.ts';

const sim = useSimulator();
const openConsole = useOrdersConsole(sim);

type Call = Awaited<ReturnType<ReturnType<typeof useOrdersConsole>>>['call'];

const waitForBatch = async (call: Call, batchId: string) => {
  for (;;) {
    const { state } = await call<BatchSummary>('orders.batch', { batchId });
    if (state !== 'running') return state;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('vouchers: revealed and exported on request, never written to disk', () => {
  it('reveals an order’s cards (audited, fetched live), exports a batch’s cards once, and leaves no card in the DB or WAL', async () => {
    const { call, diskBytes, db, core } = await openConsole();
    const fx = await sim.control.fixtures();
    const placed = await call<OrderDetail>('orders.place', {
      productId: fx.fixed,
      denominations: [{ denominationPaise: 50_000, quantity: 2 }],
    });
    expect(placed).toMatchObject({ status: 'SUCCESS', voucherCount: 2 });

    const revealed = await call<{ vouchers: RevealedVoucher[] }>('orders.revealVouchers', {
      referenceId: placed.referenceId,
    });
    expect(revealed.vouchers).toHaveLength(2);
    expect(revealed.vouchers[0]).toMatchObject({
      id: placed.voucherIds[0],
      cardNumber: expect.stringMatching(/^\d{16}$/),
      cardPin: expect.stringMatching(/^\d{6}$/),
      amountPaise: 50_000,
    });

    const report = await call<BatchReport>('orders.batchImport', { csv: csvOf('Croma', 3), name: 'Cards' });
    await call('orders.batchRun', { batchId: report.batchId, expectedTotalPaise: report.totalPaise });
    expect(await waitForBatch(call, report.batchId)).toBe('done');
    const exported = await call<{ text: string; vouchers: number; orders: number }>('orders.exportBatchVouchers', {
      batchId: report.batchId,
    });
    expect(exported).toMatchObject({ orders: 3, vouchers: 3 });
    const exportedCards = exported.text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(exportedCards.every((fields) => /^\d{16}$/.test(fields[6]!) && /^\d{6}$/.test(fields[7]!))).toBe(true);
    // Once per batch.
    await expect(call('orders.exportBatchVouchers', { batchId: report.batchId })).rejects.toMatchObject({
      kind: 'CONFLICT',
    });
    expect((await call<BatchSummary>('orders.batch', { batchId: report.batchId })).vouchersExported).toBe(true);

    // Audited, without a card number or PIN in the audit entry.
    const { entries } = await call<{ entries: Array<{ action: string; details: Record<string, unknown> }> }>(
      'audit.list',
      { profileId: 'simulator' },
    );
    const actions = entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['orders.vouchers-revealed', 'orders.vouchers-exported']));

    const secrets = [
      ...revealed.vouchers.flatMap((voucher) => [voucher.cardNumber!, voucher.cardPin!]),
      ...exportedCards.flatMap((fields) => [fields[6]!, fields[7]!]),
    ];
    expect(secrets).toHaveLength(10);
    expect(JSON.stringify(entries)).not.toMatch(new RegExp(secrets.join('|')));
    // Canary: the calls that carried the cards were recorded (redacted) in this same database; none of the
    // card numbers or PINs is in its bytes, before or after a checkpoint folds the WAL in.
    core.kernel.scopes.get('simulator').recorder.flush();
    const calls = db.prepare(`SELECT count(*) FROM api_calls WHERE path LIKE '/v1/partners/orders/%'`).pluck().get();
    expect(calls).toBeGreaterThanOrEqual(4);
    const beforeCheckpoint = diskBytes();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const afterCheckpoint = diskBytes();
    for (const secret of secrets) {
      expect(beforeCheckpoint).not.toContain(secret);
      expect(afterCheckpoint).not.toContain(secret);
    }
  });
});

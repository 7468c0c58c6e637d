import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/errors/app-error.ts';
import { ordersOperations } from '../../../src/shared/contract/orders.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';
import { batchFixture, csvOf, posts } from './batch-fixture.ts';
import { rows, useOrdersDatabase } from './orders-fixture.ts';

const sim = useSimulator();
const orders = useOrdersDatabase();

const appError = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('batch import and dry run', () => {
  it('reads a real-world CSV, reports bad rows with line numbers and Hubble’s ids, fixes referenceIds, sends nothing', async () => {
    const { handlers, port } = batchFixture(sim, orders);
    const fx = await sim.control.fixtures();
    const csv = [
      '\uFEFFBrand,Amount,Denominations,Customer Name,Customer Phone,Customer Email,Partner Reference,Notes',
      `Croma,"6,500",,"Shah, Asha",9812345678,asha@example.com,R-1,first`,
      `${fx.flexible},1250.50,,Ravi,,,R-2,"two`,
      `lines"`,
      `croma,,500x2; 1000x1,Meena,,,R-3,`,
      `Croma,600,600x1,,,,R-4,bad denomination`,
      `No Such Brand,500,,,,,R-5,`,
      `Croma,500,,,,,R-1,pasted twice`,
      `${fx.inactive},500,,,,,R-6,`,
      `Croma,abc,,,,,R-7,`,
      '',
    ].join('\r\n');
    const report = await handlers.batchImport({ csv, name: 'Diwali rewards' });
    expect(ordersOperations.batchImport.output.parse(report)).toBeTruthy();
    expect(report).toMatchObject({ name: 'Diwali rewards', rows: 8, validRows: 3, invalidRows: 5 });
    expect(report.totalPaise).toBe(650_000 + 125_050 + 200_000);
    // ₹6,500 on Croma (≤ 2 distinct, ≤ 3 each) is split as ₹5,000 + 3 × ₹500
    expect(report.vouchers).toBe(4 + 1 + 3);
    expect(report.ignoredColumns).toEqual(['Notes']);
    const reasons = Object.fromEntries(
      report.badRows.map((row) => [row.line, row.issues.map((issue) => issue.id ?? issue.code)]),
    );
    expect(reasons).toEqual({
      6: ['E150'],
      7: ['E101'],
      8: ['DUPLICATE_PARTNER_REFERENCE'],
      9: ['E102', 'ORDER_AMOUNT_BELOW_MINIMUM'],
      10: ['INVALID_AMOUNT'],
    });
    expect(report.badRows.find((row) => row.line === 8)!.issues[0]!.message).toMatch(/already on line 2/);
    expect(report.brands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ brandName: 'Croma', rows: 2, totalPaise: 850_000 }),
        expect.objectContaining({ brandName: 'Zomato', rows: 1, totalPaise: 125_050 }),
      ]),
    );
    expect(report.wallet).toMatchObject({ checked: true, predictedE300: false, balancePaise: 5_00_000_00 });

    // Stored as a draft, each valid row's referenceId fixed; customer contact masked in the report.
    const stored = rows<{ line: number; state: string; reference_id: string | null }>(
      port.db,
      'SELECT line, state, reference_id FROM order_batch_rows ORDER BY line',
    );
    expect(stored.map((row) => [row.line, row.state])).toEqual([
      [2, 'pending'],
      [3, 'pending'],
      [5, 'pending'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'invalid'],
      [9, 'invalid'],
      [10, 'invalid'],
    ]);
    expect(stored.filter((row) => row.state === 'pending').every((row) => row.reference_id?.length === 32)).toBe(true);
    const detail = await handlers.batch({ batchId: report.batchId, offset: 0, limit: 100 });
    expect(detail).toMatchObject({ state: 'draft', counts: { pending: 3, invalid: 5 } });
    expect(JSON.stringify(report)).not.toContain('9812345678');
    expect(JSON.stringify(report)).not.toContain('asha@example.com');
    expect(await posts(sim)).toEqual([]);
    expect(rows(port.db, 'SELECT * FROM orders')).toEqual([]);
  });

  it('predicts E300 when the wallet cannot cover the valid rows, and refuses to run such a batch', async () => {
    const { handlers } = batchFixture(sim, orders);
    await sim.control.setWallet(STAGING.clientId, 1_750);
    const report = await handlers.batchImport({ csv: csvOf('Croma', 5) });
    expect(report.wallet).toMatchObject({
      checked: true,
      predictedE300: true,
      balancePaise: 175_000,
      shortfallPaise: 75_000,
      firstShortLine: 5,
    });
    expect(report.wallet.message).toMatch(/E300/);
    const refused = await appError(handlers.batchRun({ batchId: report.batchId, expectedTotalPaise: 250_000 }));
    expect(refused.kind).toBe('CONFLICT');
    expect(refused.message).toMatch(/E300/);
    expect((await handlers.batch({ batchId: report.batchId, offset: 0, limit: 10 })).state).toBe('draft');
    expect(await posts(sim)).toEqual([]);
  });

  it('refuses a CSV it cannot read as a whole, saying where', async () => {
    const { handlers } = batchFixture(sim, orders);
    const unclosed = await appError(handlers.batchImport({ csv: 'brand,amount\nCroma,"500\n' }));
    expect(unclosed).toMatchObject({ kind: 'VALIDATION' });
    expect(unclosed.message).toMatch(/line 2/);
    expect((await appError(handlers.batchImport({ csv: 'amount\n500\n' }))).message).toMatch(/"brand" column/);
    expect((await appError(handlers.batchImport({ csv: 'brand,phone\nCroma,1\n' }))).message).toMatch(/"amount"/);
    expect((await appError(handlers.batchImport({ csv: 'brand,amount\n' }))).message).toMatch(/no orders/);
  });
});

import { stringify } from 'csv-stringify/sync';
import type { BatchRow, BatchSummary } from '../../../shared/contract/orders.ts';

/** A spreadsheet must not run a partner reference such as `=HYPERLINK(…)` as a formula. */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const rupees = (paise: number | null) => (paise === null ? '' : (paise / 100).toFixed(2));

/** What became of each row, as the partner's systems need it. Never card data: vouchers are exported separately. */
function outcomeOf(row: BatchRow): { outcome: string; reason: string } {
  if (row.rowState === 'invalid')
    return { outcome: 'NOT_SENT', reason: row.issues.map((issue) => issue.message).join(' ') };
  if (row.rowState === 'cancelled') return { outcome: 'CANCELLED_BEFORE_SENDING', reason: 'The batch was cancelled.' };
  if (row.rowState === 'pending') return { outcome: 'NOT_SENT_YET', reason: '' };
  if (row.orderStatus === null || row.intentState !== 'resolved')
    return { outcome: 'UNKNOWN', reason: 'Being resolved with Hubble by its referenceId.' };
  return { outcome: row.orderStatus, reason: row.failureReason ?? '' };
}

export function batchResultCsv(batch: BatchSummary, rows: readonly BatchRow[], at: number) {
  const csv = stringify(
    rows.map((row) => {
      const { outcome, reason } = outcomeOf(row);
      return [
        String(row.line),
        row.partnerReference ?? '',
        row.brandId ?? '',
        row.brandName ?? '',
        rupees(row.amountPaise),
        row.referenceId ?? '',
        row.orderId ?? '',
        outcome,
        row.errorId ?? row.issues.map((issue) => issue.id ?? issue.code).join(' '),
        reason,
      ].map(neutralise);
    }),
    {
      header: true,
      columns: [
        'line',
        'partner_reference',
        'brand_id',
        'brand_name',
        'amount_inr',
        'reference_id',
        'order_id',
        'outcome',
        'error',
        'reason',
      ],
    },
  );
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-');
  const label = batch.name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40) || 'batch';
  return { csv, fileName: `hubble-batch-${label}-${stamp}.csv`, rows: rows.length };
}

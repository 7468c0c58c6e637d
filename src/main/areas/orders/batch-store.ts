import type Database from 'better-sqlite3';
import type {
  BatchCounts,
  BatchReport,
  BatchRow,
  BatchState,
  BatchSummary,
  CustomerDetails,
  DenominationLine,
  ValidationIssue,
} from '../../../shared/contract/orders.ts';
import type { PreparedRow } from './batch-dry-run.ts';

interface BatchRecord {
  id: string;
  name: string;
  state: BatchState;
  pause_reason: string | null;
  rows_total: number;
  rows_valid: number;
  total_paise: number;
  report_json: string;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  updated_at: number;
  vouchers_exported_at: number | null;
}

/** A row the runner may send: its fixed referenceId and what to send with it. */
export interface RunnableRow {
  readonly rowId: number;
  readonly line: number;
  readonly referenceId: string;
  readonly brandId: string;
  readonly amountPaise: number;
  readonly denominations: DenominationLine[];
  readonly customerDetails: CustomerDetails | null;
}

interface RunnableRecord {
  id: number;
  line: number;
  reference_id: string;
  brand_id: string;
  amount_paise: number;
  denominations_json: string;
  request_json: string | null;
}

const toRunnable = (row: RunnableRecord): RunnableRow => ({
  rowId: row.id,
  line: row.line,
  referenceId: row.reference_id,
  brandId: row.brand_id,
  amountPaise: row.amount_paise,
  denominations: JSON.parse(row.denominations_json) as DenominationLine[],
  customerDetails: row.request_json
    ? ((JSON.parse(row.request_json) as { customerDetails: CustomerDetails | null }).customerDetails ?? null)
    : null,
});

const RUNNABLE_COLUMNS = 'id, line, reference_id, brand_id, amount_paise, denominations_json, request_json';

/** The batch tables of one profile database (migration 5). */
export class BatchStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The batch and every row, valid rows with their referenceId, committed in one transaction. */
  create(batch: { id: string; name: string; report: BatchReport; rows: readonly PreparedRow[]; at: number }): void {
    const insertRow = this.#db.prepare(
      `INSERT INTO order_batch_rows (batch_id, line, partner_reference, brand_id, brand_name, amount_paise,
         denominations_json, customer_json, request_json, reference_id, state, issues_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO order_batches (id, name, state, rows_total, rows_valid, total_paise, report_json, created_at,
             updated_at) VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          batch.id,
          batch.name,
          batch.report.rows,
          batch.report.validRows,
          batch.report.totalPaise,
          JSON.stringify(batch.report),
          batch.at,
          batch.at,
        );
      for (const { report, customerDetails } of batch.rows)
        insertRow.run(
          batch.id,
          report.line,
          report.partnerReference,
          report.brandId,
          report.brandName,
          report.amountPaise,
          report.denominations ? JSON.stringify(report.denominations) : null,
          report.customer ? JSON.stringify(report.customer) : null,
          report.valid ? JSON.stringify({ customerDetails }) : null,
          report.referenceId,
          report.valid ? 'pending' : 'invalid',
          JSON.stringify(report.issues),
        );
    })();
  }

  #batch(batchId: string): BatchRecord | undefined {
    return this.#db.prepare('SELECT * FROM order_batches WHERE id = ?').get(batchId) as BatchRecord | undefined;
  }

  exists(batchId: string): boolean {
    return this.#batch(batchId) !== undefined;
  }

  state(batchId: string): BatchState | undefined {
    return this.#db.prepare('SELECT state FROM order_batches WHERE id = ?').pluck().get(batchId) as
      BatchState | undefined;
  }

  report(batchId: string): BatchReport | undefined {
    const record = this.#batch(batchId);
    return record && (JSON.parse(record.report_json) as BatchReport);
  }

  /** Partner references already used by earlier batches (of those given). */
  earlierPartnerReferences(references: readonly string[]): Set<string> {
    const found = new Set<string>();
    const query = this.#db.prepare('SELECT 1 FROM order_batch_rows WHERE partner_reference = ? LIMIT 1').pluck();
    for (const reference of new Set(references)) if (query.get(reference)) found.add(reference);
    return found;
  }

  /**
   * Moves a batch from one of `from` to `to`; false when it was in none of them. Cancelling also cancels every
   * row not yet sent, in the same transaction, so no later step can send one.
   */
  transition(batchId: string, from: readonly BatchState[], to: BatchState, at: number, reason: string | null = null) {
    return this.#db.transaction(() => {
      const { changes } = this.#db
        .prepare(
          `UPDATE order_batches SET state = ?, pause_reason = ?, updated_at = ?,
             started_at = CASE WHEN ? = 'running' THEN coalesce(started_at, ?) ELSE started_at END,
             finished_at = CASE WHEN ? IN ('done', 'cancelled') THEN ? ELSE finished_at END
           WHERE id = ? AND state IN (${from.map(() => '?').join(', ')})`,
        )
        .run(to, reason, at, to, at, to, at, batchId, ...from);
      if (changes === 1 && to === 'cancelled')
        this.#db
          .prepare(
            `UPDATE order_batch_rows SET state = 'cancelled', request_json = NULL WHERE batch_id = ? AND state = 'pending'`,
          )
          .run(batchId);
      return changes === 1;
    })();
  }

  runningBatchIds(): string[] {
    return this.#db
      .prepare(`SELECT id FROM order_batches WHERE state = 'running' ORDER BY started_at, created_at`)
      .pluck()
      .all() as string[];
  }

  /**
   * Rows that may have been sent without the batch knowing: left `placing`, or still `pending` while an order row
   * with their referenceId exists (the runner stopped between committing the intent and marking the row).
   */
  rowsToSettle(batchId: string): RunnableRow[] {
    return (
      this.#db
        .prepare(
          `SELECT ${RUNNABLE_COLUMNS} FROM order_batch_rows r WHERE r.batch_id = ?
             AND (r.state = 'placing'
                  OR (r.state = 'pending' AND EXISTS (SELECT 1 FROM orders o WHERE o.reference_id = r.reference_id)))
           ORDER BY r.line`,
        )
        .all(batchId) as RunnableRecord[]
    ).map(toRunnable);
  }

  nextPending(batchId: string): RunnableRow | undefined {
    const row = this.#db
      .prepare(
        `SELECT ${RUNNABLE_COLUMNS} FROM order_batch_rows WHERE batch_id = ? AND state = 'pending' ORDER BY line LIMIT 1`,
      )
      .get(batchId) as RunnableRecord | undefined;
    return row && toRunnable(row);
  }

  /**
   * Whether a row may be sent now: still pending and its batch running. Called synchronously right before the
   * placement commits its intent, so a pause or cancel in between cannot be missed (main runs one thing at a time).
   */
  sendable(batchId: string, rowId: number): boolean {
    return (
      this.#db
        .prepare(
          `SELECT 1 FROM order_batch_rows WHERE id = ? AND state = 'pending'
             AND (SELECT state FROM order_batches WHERE id = ?) = 'running'`,
        )
        .get(rowId, batchId) !== undefined
    );
  }

  /** An order row exists for it now: its outcome is the order's; the customer details are no longer needed. */
  markPlaced(rowId: number): void {
    this.#db.prepare(`UPDATE order_batch_rows SET state = 'placed', request_json = NULL WHERE id = ?`).run(rowId);
  }

  /** Nothing was sent for it (the intent was never committed): it may be sent again, with the same referenceId. */
  markPending(rowId: number): void {
    this.#db.prepare(`UPDATE order_batch_rows SET state = 'pending' WHERE id = ? AND state = 'placing'`).run(rowId);
  }

  /** Refused before sending (the brand's rules changed since the import): never sent. */
  markInvalid(rowId: number, issues: readonly ValidationIssue[]): void {
    this.#db
      .prepare(`UPDATE order_batch_rows SET state = 'invalid', request_json = NULL, issues_json = ? WHERE id = ?`)
      .run(JSON.stringify(issues), rowId);
  }

  counts(batchId: string): BatchCounts & { placedPaise: number } {
    return this.#db
      .prepare(
        `SELECT
           coalesce(sum(r.state = 'pending'), 0) AS pending,
           coalesce(sum(r.state = 'placing' OR (r.state = 'placed' AND (o.id IS NULL OR o.intent_state <> 'resolved'))), 0) AS inFlight,
           coalesce(sum(r.state = 'placed' AND o.intent_state = 'resolved' AND o.status = 'SUCCESS'), 0) AS succeeded,
           coalesce(sum(r.state = 'placed' AND o.intent_state = 'resolved' AND o.status = 'PROCESSING'), 0) AS processing,
           coalesce(sum(r.state = 'placed' AND o.intent_state = 'resolved' AND o.status IN ('FAILED', 'REJECTED')), 0) AS failed,
           coalesce(sum(r.state = 'placed' AND o.intent_state = 'resolved'
             AND o.status NOT IN ('SUCCESS', 'PROCESSING', 'FAILED', 'REJECTED')), 0) AS other,
           coalesce(sum(r.state = 'invalid'), 0) AS invalid,
           coalesce(sum(r.state = 'cancelled'), 0) AS cancelled,
           coalesce(sum(CASE WHEN o.status IN ('SUCCESS', 'PROCESSING') THEN o.amount_paise END), 0) AS placedPaise
         FROM order_batch_rows r LEFT JOIN orders o ON o.reference_id = r.reference_id
         WHERE r.batch_id = ?`,
      )
      .get(batchId) as BatchCounts & { placedPaise: number };
  }

  summary(batchId: string): BatchSummary | undefined {
    const record = this.#batch(batchId);
    if (!record) return undefined;
    const { placedPaise, ...counts } = this.counts(batchId);
    return {
      batchId: record.id,
      name: record.name,
      state: record.state,
      pauseReason: record.pause_reason,
      rowsTotal: record.rows_total,
      rowsValid: record.rows_valid,
      totalPaise: record.total_paise,
      placedPaise,
      counts,
      createdAt: record.created_at,
      startedAt: record.started_at,
      finishedAt: record.finished_at,
      updatedAt: record.updated_at,
      vouchersExported: record.vouchers_exported_at !== null,
    };
  }

  all(): BatchSummary[] {
    const ids = this.#db.prepare('SELECT id FROM order_batches ORDER BY created_at DESC, id').pluck().all() as string[];
    return ids.map((id) => this.summary(id)!);
  }

  rows(batchId: string, offset = 0, limit = 1_000_000): BatchRow[] {
    const records = this.#db
      .prepare(
        `SELECT r.line, r.partner_reference, r.brand_id, r.brand_name, r.amount_paise, r.reference_id, r.state,
           r.issues_json, o.order_id, o.status, o.intent_state, o.error_id, o.failure_reason
         FROM order_batch_rows r LEFT JOIN orders o ON o.reference_id = r.reference_id
         WHERE r.batch_id = ? ORDER BY r.line LIMIT ? OFFSET ?`,
      )
      .all(batchId, limit, offset) as Array<{
      line: number;
      partner_reference: string | null;
      brand_id: string | null;
      brand_name: string | null;
      amount_paise: number | null;
      reference_id: string | null;
      state: BatchRow['rowState'];
      issues_json: string;
      order_id: string | null;
      status: string | null;
      intent_state: BatchRow['intentState'];
      error_id: string | null;
      failure_reason: string | null;
    }>;
    return records.map((row) => ({
      line: row.line,
      partnerReference: row.partner_reference,
      brandId: row.brand_id,
      brandName: row.brand_name,
      amountPaise: row.amount_paise,
      referenceId: row.reference_id,
      rowState: row.state,
      orderId: row.order_id,
      orderStatus: row.status,
      intentState: row.intent_state,
      errorId: row.error_id,
      failureReason: row.failure_reason,
      issues: JSON.parse(row.issues_json) as ValidationIssue[],
    }));
  }

  /** The orders of a batch that Hubble accepted, for the one voucher export. */
  orderIdsOf(batchId: string): Array<{ referenceId: string; orderId: string; status: string }> {
    return this.#db
      .prepare(
        `SELECT o.reference_id AS referenceId, o.order_id AS orderId, o.status FROM order_batch_rows r
         JOIN orders o ON o.reference_id = r.reference_id
         WHERE r.batch_id = ? AND o.order_id IS NOT NULL ORDER BY r.line`,
      )
      .all(batchId) as Array<{ referenceId: string; orderId: string; status: string }>;
  }

  /** Records the one export; false when it had happened already (a second export is refused). */
  markVouchersExported(batchId: string, at: number): boolean {
    return (
      this.#db
        .prepare('UPDATE order_batches SET vouchers_exported_at = ? WHERE id = ? AND vouchers_exported_at IS NULL')
        .run(at, batchId).changes === 1
    );
  }

  vouchersExported(batchId: string): boolean {
    return (this.#batch(batchId)?.vouchers_exported_at ?? null) !== null;
  }
}

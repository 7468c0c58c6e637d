import { randomUUID } from 'node:crypto';
import type { BatchReport } from '../../../shared/contract/orders.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import { readBatchCsv } from './batch-csv.ts';
import { batchReport, brandDirectory, checkWallet, prepareRows, type WalletReading } from './batch-dry-run.ts';
import { BatchStore } from './batch-store.ts';
import type { OrdersPort } from './orders-port.ts';

export interface BatchImportDeps {
  readonly port: OrdersPort;
  /** every brand enabled for this account, as Hubble (or the catalog) lists them now */
  brands(): Promise<readonly Brand[]>;
  wallet(): Promise<WalletReading>;
}

/**
 * Reads a batch CSV, checks every row against the brand rules and the wallet (the dry run), and stores the batch
 * as a draft with each valid row's referenceId fixed, in one transaction. Nothing is sent to Hubble but reads.
 */
export async function importBatch(
  deps: BatchImportDeps,
  input: { csv: string; name?: string | undefined },
): Promise<BatchReport> {
  const csv = readBatchCsv(input.csv);
  const { port } = deps;
  const store = new BatchStore(port.db);
  const [brands, wallet] = await Promise.all([deps.brands(), deps.wallet()]);
  const rows = prepareRows(csv, {
    brands: brandDirectory(brands),
    earlierPartnerReferences: (references) => store.earlierPartnerReferences(references),
    newReferenceId: port.newReferenceId,
  });
  const reports = rows.map((row) => row.report);
  const batchId = `batch-${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const at = port.now();
  const name = input.name ?? `Batch of ${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const report = batchReport({ batchId, name }, reports, checkWallet(reports, wallet), csv.ignoredColumns);
  store.create({ id: batchId, name, report, rows, at });
  return report;
}

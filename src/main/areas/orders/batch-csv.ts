import { parse } from 'csv-parse/sync';
import { MAX_BATCH_ROWS } from '../../../shared/contract/orders.ts';
import { AppError } from '../../errors/app-error.ts';

/** The columns a batch CSV may have, and the header names each is known by (compared without case or spaces). */
const COLUMNS = {
  brand: ['brand', 'brandid', 'brandname', 'productid', 'product'],
  amount: ['amount', 'amountinr', 'amountrupees', 'amountrs', 'value'],
  denominations: ['denominations', 'denomination'],
  customerName: ['customername', 'name'],
  customerPhone: ['customerphone', 'phone', 'phonenumber', 'mobile', 'customermobile'],
  customerEmail: ['customeremail', 'email', 'emailaddress'],
  partnerReference: ['partnerreference', 'reference', 'yourreference', 'partnerref', 'externalreference', 'ref'],
} as const;
export type BatchColumn = keyof typeof COLUMNS;

/** One data row of the CSV, by column, with the line where it starts (the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly values: Partial<Record<BatchColumn, string>>;
}

export interface BatchCsv {
  readonly rows: CsvRow[];
  /** header names that match no known column; their values are ignored */
  readonly ignoredColumns: string[];
}

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

function columnOf(header: string): BatchColumn | null {
  const key = normalise(header);
  for (const [column, names] of Object.entries(COLUMNS) as [BatchColumn, readonly string[]][])
    if (names.includes(key)) return column;
  return null;
}

/**
 * Reads a batch CSV with a real CSV parser (quoted fields, embedded commas and newlines, a BOM, CRLF): a header
 * row naming the columns, then one order per row. A file that cannot be read at all is refused as a whole.
 */
export function readBatchCsv(text: string): BatchCsv {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new AppError(
      'VALIDATION',
      `The CSV could not be read${where ? ` (line ${where})` : ''}: ${(error as Error).message.replace(/^[^:]*: /, '')}`,
    );
  }
  const [header, ...data] = records;
  if (!header) throw new AppError('VALIDATION', 'The CSV is empty: it needs a header row and one row per order.');
  const columns = header.record.map(columnOf);
  const seen = new Set<BatchColumn>();
  for (const [index, column] of columns.entries()) {
    if (column === null) continue;
    if (seen.has(column))
      throw new AppError('VALIDATION', `Two columns of the header mean "${column}" (${header.record[index]}).`);
    seen.add(column);
  }
  if (!seen.has('brand'))
    throw new AppError('VALIDATION', 'The CSV needs a "brand" column (the brand id or its name) in its header row.');
  if (!seen.has('amount') && !seen.has('denominations'))
    throw new AppError('VALIDATION', 'The CSV needs an "amount" column, a "denominations" column, or both.');
  if (data.length === 0) throw new AppError('VALIDATION', 'The CSV has a header but no orders.');
  if (data.length > MAX_BATCH_ROWS)
    throw new AppError('VALIDATION', `A batch holds at most ${MAX_BATCH_ROWS} orders; this CSV has ${data.length}.`);
  const rows = data.map(({ record, info }) => {
    const values: Partial<Record<BatchColumn, string>> = {};
    record.forEach((value, index) => {
      const column = columns[index];
      if (column && value !== '') values[column] = value;
    });
    // info.lines is where the record ends; a quoted field may span lines.
    const spanned = record.reduce((sum, value) => sum + (value.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - spanned, values };
  });
  const ignoredColumns = header.record.filter((_, index) => columns[index] === null && header.record[index] !== '');
  return { rows, ignoredColumns };
}

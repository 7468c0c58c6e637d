import type { ColumnMapping, LogFormat, PreviewRow } from '../../../shared/contract/logImport.ts';
import { guessMapping } from './column-mapping.ts';
import { readLogRows, type SourceRow } from './log-rows.ts';
import { rowToCall, type RowContext } from './row-to-call.ts';

export const PREVIEW_ROWS = 20;

/** The first rows as they would be stored (redacted) or why not, with the columns the mapping can choose from. */
export async function previewLog(
  file: string,
  format: LogFormat,
  mapping: ColumnMapping | null,
  context: RowContext,
): Promise<{ columns: string[]; mapping: ColumnMapping; rows: PreviewRow[] }> {
  let header: string[] = [];
  const first: SourceRow[] = [];
  for await (const batch of readLogRows(file, format, { onHeader: (names) => (header = names) })) {
    first.push(...batch.slice(0, PREVIEW_ROWS - first.length));
    if (first.length >= PREVIEW_ROWS) break;
  }
  const columns =
    format === 'csv' ? header : [...new Set(first.flatMap((row) => (row.record ? Object.keys(row.record) : [])))];
  const chosen = mapping ?? guessMapping(columns);
  const rows = first.map((source): PreviewRow => {
    if (!source.record) return { line: source.line, call: null, reasons: [source.error ?? 'unreadable row'] };
    const result = rowToCall(source.record, chosen, context);
    if (!result.ok) return { line: source.line, call: null, reasons: result.reasons };
    const { row } = result;
    return {
      line: source.line,
      call: {
        at: row.at,
        method: row.method,
        path: row.path,
        status: row.http_status,
        latencyMs: row.latency_ms,
        requestId: row.request_id,
        orderId: row.order_id,
        referenceId: row.reference_id,
        amount: row.amount,
        brand: row.brand,
      },
      reasons: [],
    };
  });
  return { columns, mapping: chosen, rows };
}

import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { ColumnMapping, ImportRun, LogFormat, RowIssue } from '../../../shared/contract/logImport.ts';
import { createImportedCallWriter } from './imported-call-writer.ts';
import { readLogRows, type ReadOptions } from './log-rows.ts';
import { rowToCall, type ImportedCallRow, type RowContext } from './row-to-call.ts';

export const MAX_REPORTED_ISSUES = 200;

export interface ImportRequest {
  db: Database.Database;
  file: string;
  format: LogFormat;
  mapping: ColumnMapping;
  context: RowContext;
  signal?: AbortSignal;
  /** Bytes done of bytes total (the progress bar). */
  progress?: (done: number, total: number) => void;
  read?: Omit<ReadOptions, 'signal' | 'onBytes'>;
}

export interface ImportCounts extends ImportRun {
  /** Absolute byte offset reached (a follower stores it). */
  offset: number;
  lastLine: number;
}

/**
 * Streams a log file into api_calls: rows are read, mapped, validated and redacted a batch at a time (memory
 * stays flat however long the file), written in one transaction per batch, and the signal is checked between
 * batches so a cancel stops within one batch; rows already written stay (importing again adds only the rest).
 */
export async function runImport(request: ImportRequest): Promise<ImportCounts> {
  const writer = createImportedCallWriter(request.db);
  const total = request.read?.end ?? fs.statSync(request.file).size;
  const run: ImportCounts = {
    file: request.file,
    format: request.format,
    state: 'running',
    rows: 0,
    imported: 0,
    duplicates: 0,
    rejected: 0,
    issues: [],
    offset: request.read?.start ?? 0,
    lastLine: request.read?.startLine ?? 0,
  };
  const reject = (issue: RowIssue) => {
    run.rejected += 1;
    if (run.issues.length < MAX_REPORTED_ISSUES) run.issues.push(issue);
  };
  try {
    for await (const batch of readLogRows(request.file, request.format, {
      ...request.read,
      signal: request.signal,
      onBytes: (offset) => {
        run.offset = offset;
        request.progress?.(offset, total);
      },
    })) {
      const calls: ImportedCallRow[] = [];
      for (const source of batch) {
        run.rows += 1;
        run.lastLine = Math.max(run.lastLine, source.line);
        if (source.record === null) {
          reject({ line: source.line, reasons: [source.error ?? 'unreadable row'] });
          continue;
        }
        const result = rowToCall(source.record, request.mapping, request.context);
        if (result.ok) calls.push(result.row);
        else reject({ line: source.line, reasons: result.reasons });
      }
      const { added, duplicates } = writer.write(calls);
      run.imported += added;
      run.duplicates += duplicates;
      if (request.signal?.aborted) break;
      // A turn of the event loop between batches: IPC and the receiver keep answering during a long import.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    if (!request.signal?.aborted) throw error;
  }
  run.state = request.signal?.aborted ? 'cancelled' : 'done';
  return run;
}

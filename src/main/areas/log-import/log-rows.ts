import fs from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { LogFormat } from '../../../shared/contract/logImport.ts';

/** One row of a log file: its record, or why it could not be read. `line` is 1-based, as an editor shows it. */
export interface SourceRow {
  line: number;
  record: Record<string, unknown> | null;
  error: string | null;
}

export interface ReadOptions {
  /** An open descriptor to read instead of the path (a followed file keeps reading the file it opened after a rename). */
  fd?: number;
  /** Byte offset to start at (a followed file resumes where it stopped). */
  start?: number;
  /** Byte offset to stop before (a followed file: after the last complete line). */
  end?: number;
  /** Lines already read before `start`, so line numbers stay those of the file. */
  startLine?: number;
  /** CSV: the header read earlier (a followed file resumes past it); without one the first line is the header. */
  header?: readonly string[];
  onHeader?: (header: string[]) => void;
  /** Bytes of the file consumed so far (absolute offset), for progress. */
  onBytes?: (offset: number) => void;
  signal?: AbortSignal;
}

const BATCH = 1000;
const MAX_LINE_BYTES = 4 * 1024 * 1024;

const streamOf = (file: string, options: ReadOptions) =>
  fs.createReadStream(file, {
    ...(options.fd !== undefined ? { fd: options.fd, autoClose: false } : {}),
    start: options.start ?? 0,
    ...(options.end !== undefined ? { end: options.end - 1 } : {}),
    highWaterMark: 256 * 1024,
    signal: options.signal,
  });

/** JSONL, streamed: one JSON object a line; blank lines skipped; a line too long to be a log entry is a bad row. */
async function* jsonlRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow[]> {
  let line = options.startLine ?? 0;
  let offset = options.start ?? 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let batch: SourceRow[] = [];
  const take = (bytes: Buffer) => {
    line += 1;
    let text = bytes.toString('utf8');
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') return;
    if (bytes.length > MAX_LINE_BYTES) {
      batch.push({ line, record: null, error: `line is over ${MAX_LINE_BYTES} bytes` });
      return;
    }
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        batch.push({ line, record: value as Record<string, unknown>, error: null });
      else batch.push({ line, record: null, error: 'not a JSON object' });
    } catch (error) {
      batch.push({ line, record: null, error: `not valid JSON (${(error as Error).message.slice(0, 120)})` });
    }
  };
  for await (const chunk of streamOf(file, options) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
      const piece = chunk.subarray(from, at);
      take(pending.length ? Buffer.concat([...pending, piece]) : piece);
      pending = [];
      pendingBytes = 0;
      from = at + 1;
    }
    if (from < chunk.length) {
      pendingBytes += chunk.length - from;
      // A runaway line is kept only as far as the limit: enough to report it, never the whole file in memory.
      if (pendingBytes <= MAX_LINE_BYTES + 1) pending.push(chunk.subarray(from));
    }
    offset += chunk.length;
    if (batch.length >= BATCH) {
      options.onBytes?.(offset);
      yield batch;
      batch = [];
    }
  }
  if (pending.length) take(Buffer.concat(pending));
  options.onBytes?.(offset);
  if (batch.length) yield batch;
}

/** CSV, streamed through csv-parse: a header line, quoted fields (with commas and newlines), a BOM. */
async function* csvRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow[]> {
  const startLine = options.startLine ?? 0;
  const skipped: SourceRow[] = [];
  let lastSkippedLine = -1;
  const parser = parse({
    columns: options.header
      ? [...options.header]
      : (header: string[]) => {
          options.onHeader?.(header);
          return header;
        },
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_LINE_BYTES,
    on_skip: (error: CsvError | undefined) => {
      const lines = (error as { lines?: number } | undefined)?.lines ?? 0;
      // One broken record can trip the parser more than once (an unclosed quote, then the rest of its line).
      if (startLine + lines === lastSkippedLine) return undefined;
      lastSkippedLine = startLine + lines;
      skipped.push({ line: startLine + lines, record: null, error: error?.message ?? 'unreadable CSV record' });
      return undefined;
    },
  });
  const input = streamOf(file, options);
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let batch: SourceRow[] = [];
  for await (const entry of parser as AsyncIterable<{
    record: Record<string, unknown>;
    info: { lines: number; bytes: number };
  }>) {
    if (skipped.length) batch.push(...skipped.splice(0));
    batch.push({ line: startLine + entry.info.lines, record: entry.record, error: null });
    if (batch.length >= BATCH) {
      // A skipped record is reported as the parser meets it, which can be ahead of records still buffered.
      batch.sort((a, b) => a.line - b.line);
      options.onBytes?.((options.start ?? 0) + entry.info.bytes);
      yield batch;
      batch = [];
    }
  }
  batch.push(...skipped.splice(0));
  batch.sort((a, b) => a.line - b.line);
  if (batch.length) yield batch;
}

export const readLogRows = (file: string, format: LogFormat, options: ReadOptions = {}): AsyncGenerator<SourceRow[]> =>
  format === 'csv' ? csvRows(file, options) : jsonlRows(file, options);

/** `.csv` is CSV; anything else (`.jsonl`, `.ndjson`, `.log`) is read as JSON lines. */
export const formatOf = (file: string): LogFormat => (/\.csv$/i.test(file) ? 'csv' : 'jsonl');

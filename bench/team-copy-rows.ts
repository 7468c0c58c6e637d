// The team-drain bench's baseline: rows streamed into PostgreSQL with `COPY … FROM STDIN` (text format), the
// fastest way PostgreSQL takes rows from a client.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for NULL, backslash escapes for the four characters that delimit. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  return text.replace(SPECIAL, (special) => ESCAPES[special]!);
}

const CHUNK_CHARS = 64 * 1024;

async function* copyLines(rows: Iterable<readonly unknown[]>): AsyncGenerator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyText).join('\t')}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams `rows` (values in `columns` order) into `table`; returns the row count PostgreSQL reports. */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
): Promise<number> {
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyLines(rows)), stream);
  return stream.rowCount;
}

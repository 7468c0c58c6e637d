import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { ColumnMapping, LogFormat } from '../../../shared/contract/logImport.ts';
import { runImport } from './run-import.ts';
import type { RowContext } from './row-to-call.ts';

export interface FollowRow {
  path: string;
  format: LogFormat;
  file_id: string | null;
  offset: number;
  line: number;
  header_json: string | null;
}

interface Cursor {
  fd: number;
  fileId: string;
  offset: number;
  line: number;
  header: string[] | null;
}

const idOf = (stat: fs.Stats) => `${stat.dev}:${stat.ino}`;

/** The end of the last complete line in [from, to): a line still being written waits for the next tick. */
function lastLineEnd(fd: number, from: number, to: number): number {
  const chunk = Buffer.alloc(64 * 1024);
  for (let end = to; end > from;) {
    const start = Math.max(from, end - chunk.length);
    const read = fs.readSync(fd, chunk, 0, end - start, start);
    const at = chunk.subarray(0, read).lastIndexOf(10);
    if (at !== -1) return start + at + 1;
    end = start;
  }
  return from;
}

/**
 * Follows log files like `tail -F`: each tick imports the complete lines added since the last one. It keeps the
 * file open, so when the logger rotates (renames the file and starts a new one) the rest of the old file is
 * read through the open descriptor before the new file is read from its start; a file truncated in place
 * (copytruncate) is read again from the start (its rows dedupe). Offsets persist in log_follows, so a restart
 * resumes where it stopped when the file is still the same one.
 */
export function createLogFollower(deps: {
  db: Database.Database;
  context: () => RowContext;
  mappingFor: (format: LogFormat) => ColumnMapping;
  onError?: (error: unknown) => void;
}) {
  const { db } = deps;
  const cursors = new Map<string, Cursor>();
  const list = db.prepare<[], FollowRow>(
    'SELECT path, format, file_id, offset, line, header_json FROM log_follows ORDER BY started_at',
  );
  const save = db.prepare(
    'UPDATE log_follows SET file_id = @fileId, offset = @offset, line = @line, header_json = @header WHERE path = @path',
  );

  const persist = (path: string, cursor: Cursor) =>
    save.run({
      path,
      fileId: cursor.fileId,
      offset: cursor.offset,
      line: cursor.line,
      header: cursor.header ? JSON.stringify(cursor.header) : null,
    });

  const open = (row: FollowRow): Cursor | null => {
    let fd: number;
    try {
      fd = fs.openSync(row.path, 'r');
    } catch {
      return null; // not there yet (or between a rename and the new file): the next tick looks again
    }
    const stat = fs.fstatSync(fd);
    const same = row.file_id === idOf(stat) && row.offset <= stat.size;
    return {
      fd,
      fileId: idOf(stat),
      offset: same ? row.offset : 0,
      line: same ? row.line : 0,
      header: same && row.header_json ? (JSON.parse(row.header_json) as string[]) : null,
    };
  };

  const readNew = async (row: FollowRow, cursor: Cursor, toEnd: boolean, signal?: AbortSignal) => {
    const size = fs.fstatSync(cursor.fd).size;
    if (size < cursor.offset) Object.assign(cursor, { offset: 0, line: 0, header: null });
    const end = toEnd ? size : lastLineEnd(cursor.fd, cursor.offset, size);
    if (end <= cursor.offset) return 0;
    const run = await runImport({
      db,
      file: row.path,
      format: row.format,
      mapping: deps.mappingFor(row.format),
      context: deps.context(),
      signal,
      read: {
        fd: cursor.fd,
        start: cursor.offset,
        end,
        startLine: cursor.line,
        ...(cursor.header ? { header: cursor.header } : {}),
        onHeader: (header) => (cursor.header = header),
      },
    });
    cursor.offset = end;
    cursor.line = run.lastLine;
    return run.imported;
  };

  return {
    list: () => list.all(),
    /** One pass over every followed file; returns how many calls it added. */
    async tick(signal?: AbortSignal): Promise<number> {
      let added = 0;
      for (const row of list.all()) {
        if (signal?.aborted) break;
        try {
          let cursor = cursors.get(row.path) ?? open(row);
          if (!cursor) continue;
          cursors.set(row.path, cursor);
          let current: fs.Stats | null = null;
          try {
            current = fs.statSync(row.path);
          } catch {
            current = null;
          }
          const rotated = current !== null && idOf(current) !== cursor.fileId;
          added += await readNew(row, cursor, rotated, signal);
          if (rotated) {
            fs.closeSync(cursor.fd);
            cursors.delete(row.path);
            cursor = open({ ...row, file_id: null, offset: 0, line: 0, header_json: null });
            if (!cursor) continue;
            cursors.set(row.path, cursor);
            added += await readNew(row, cursor, false, signal);
          }
          persist(row.path, cursor);
        } catch (error) {
          deps.onError?.(error);
        }
      }
      return added;
    },
    follow(path: string, format: LogFormat, now: number) {
      db.prepare(
        'INSERT INTO log_follows (path, format, offset, line, started_at) VALUES (?, ?, 0, 0, ?) ON CONFLICT (path) DO NOTHING',
      ).run(path, format, now);
    },
    unfollow(path: string) {
      const cursor = cursors.get(path);
      if (cursor) fs.closeSync(cursor.fd);
      cursors.delete(path);
      db.prepare('DELETE FROM log_follows WHERE path = ?').run(path);
    },
    close() {
      for (const cursor of cursors.values()) fs.closeSync(cursor.fd);
      cursors.clear();
    },
  };
}
export type LogFollower = ReturnType<typeof createLogFollower>;

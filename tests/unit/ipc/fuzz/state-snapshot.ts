import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Everything a call could change, read from outside the console: the data folder's files and databases, and the vault. */
export interface StateSnapshot {
  profileList: string;
  auditByAction: Record<string, number>;
  /** per profile database: row counts and the call-log settings (retention) */
  profileDatabases: Record<string, string>;
  /** path relative to the data folder → size; WAL and shared-memory companions churn on reads and are left out */
  files: Record<string, number>;
  vault: string[];
}

const CHURNING_FILE = /-(wal|shm|journal)$/;

function filesUnder(root: string): Record<string, number> {
  const files: Record<string, number> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || CHURNING_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(root, file)] = fs.statSync(file).size;
  }
  return files;
}

/**
 * Read-only SQLite connections kept open between snapshots (thousands of snapshots would otherwise spend
 * their time opening files), reopened when the console deleted and recreated a file.
 */
export class DatabaseReaders {
  readonly #open = new Map<string, { inode: number; db: Database.Database }>();

  read<T>(file: string, query: (db: Database.Database) => T): T | null {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.#forget(file);
      return null;
    }
    let reader = this.#open.get(file);
    if (reader && reader.inode !== stat.ino) {
      this.#forget(file);
      reader = undefined;
    }
    if (!reader) {
      reader = { inode: stat.ino, db: new Database(file, { readonly: true, fileMustExist: true }) };
      this.#open.set(file, reader);
    }
    return query(reader.db);
  }

  #forget(file: string) {
    this.#open.get(file)?.db.close();
    this.#open.delete(file);
  }

  closeAll() {
    for (const file of [...this.#open.keys()]) this.#forget(file);
  }
}

export function takeSnapshot(options: {
  dataDir: string;
  readers: DatabaseReaders;
  profileList: unknown;
  vault: string[];
}): StateSnapshot {
  const { dataDir, readers } = options;
  const files = filesUnder(dataDir);
  const auditRows =
    readers.read(path.join(dataDir, 'app.db'), (db) =>
      db.prepare('SELECT action, COUNT(*) AS n FROM audit_log GROUP BY action').all(),
    ) ?? [];
  const auditByAction = Object.fromEntries(
    (auditRows as { action: string; n: number }[]).map((row) => [row.action, row.n]),
  );
  const profileDatabases: Record<string, string> = {};
  for (const file of Object.keys(files).filter((name) => name.endsWith('.db') && name !== 'app.db')) {
    profileDatabases[file] = JSON.stringify(
      readers.read(path.join(dataDir, file), (db) => ({
        apiCalls: db.prepare('SELECT COUNT(*) AS n FROM api_calls').get(),
        metrics: db.prepare('SELECT COUNT(*) AS n, TOTAL(calls) AS calls FROM metrics_minute').get(),
        settings: db.prepare('SELECT key, value FROM call_log_settings ORDER BY key').all(),
      })),
    );
  }
  return {
    profileList: JSON.stringify(options.profileList),
    auditByAction,
    profileDatabases,
    files,
    vault: options.vault,
  };
}

/** Audit entries a refusal writes on purpose: the production guard records every refused attempt. */
const AUDITED_REFUSALS = new Set(['guard.refused']);

/**
 * What changed between two snapshots, in words; refusals the guard audits on purpose are not changes.
 * `hubbleMayHaveAnswered`: the refusal may come from Hubble's own answer, and every call made to Hubble is
 * recorded in the call log by design, so new call-log rows are not a change then (everything else still is).
 */
export function differences(
  before: StateSnapshot,
  after: StateSnapshot,
  { hubbleMayHaveAnswered = false } = {},
): string[] {
  const found: string[] = [];
  if (before.profileList !== after.profileList) found.push('profiles.list answer changed');
  for (const action of new Set([...Object.keys(before.auditByAction), ...Object.keys(after.auditByAction)])) {
    if (AUDITED_REFUSALS.has(action)) continue;
    const was = before.auditByAction[action] ?? 0;
    const now = after.auditByAction[action] ?? 0;
    if (was !== now) found.push(`audit rows "${action}": ${was} → ${now}`);
  }
  const comparable = (database: string | undefined) => {
    if (!hubbleMayHaveAnswered || database === undefined) return database;
    const { settings } = JSON.parse(database) as { settings: unknown };
    return JSON.stringify(settings);
  };
  for (const file of new Set([...Object.keys(before.profileDatabases), ...Object.keys(after.profileDatabases)])) {
    if (comparable(before.profileDatabases[file]) !== comparable(after.profileDatabases[file])) {
      found.push(`${file}: ${before.profileDatabases[file] ?? 'absent'} → ${after.profileDatabases[file] ?? 'absent'}`);
    }
  }
  // A database file's size moves when SQLite checkpoints (an audited refusal can trigger one); its rows are
  // compared above, so for databases only appearing or disappearing counts here.
  const size = (files: Record<string, number>, file: string) =>
    file.endsWith('.db') && files[file] !== undefined ? 'present' : files[file];
  for (const file of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
    if (size(before.files, file) !== size(after.files, file)) {
      found.push(`file ${file}: ${before.files[file] ?? 'absent'} → ${after.files[file] ?? 'absent'} bytes`);
    }
  }
  if (JSON.stringify(before.vault) !== JSON.stringify(after.vault)) found.push('vault entries changed');
  return found;
}

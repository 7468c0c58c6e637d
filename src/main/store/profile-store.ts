import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './open-database.ts';
import { profileMigrations } from './profile-migrations/index.ts';

/** Profile ids become file names: nothing that could climb out of the profiles folder. */
const SAFE_PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export type BeforeCloseHook = (profileId: string, db: Database.Database) => void;

/**
 * One SQLite database per profile (`<dataDir>/profiles/<profileId>.db`), opened on first use, so production
 * and staging history never mix and removing a profile removes all of its history.
 */
export class ProfileStores {
  readonly #dir: string;
  readonly #open = new Map<string, Database.Database>();
  readonly #beforeClose = new Set<BeforeCloseHook>();

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'profiles');
  }

  fileOf(profileId: string): string {
    if (!SAFE_PROFILE_ID.test(profileId))
      throw new Error(`Not a valid profile id: ${JSON.stringify(profileId.slice(0, 80))}`);
    return path.join(this.#dir, `${profileId}.db`);
  }

  database(profileId: string): Database.Database {
    const existing = this.#open.get(profileId);
    if (existing) return existing;
    const db = openDatabase(this.fileOf(profileId), profileMigrations);
    this.#open.set(profileId, db);
    return db;
  }

  isOpen(profileId: string): boolean {
    return this.#open.has(profileId);
  }

  /** Services that buffer writes (the call log) flush here, before the file is closed. */
  onBeforeClose(hook: BeforeCloseHook): () => void {
    this.#beforeClose.add(hook);
    return () => this.#beforeClose.delete(hook);
  }

  close(profileId: string): void {
    const db = this.#open.get(profileId);
    if (!db) return;
    for (const hook of this.#beforeClose) hook(profileId, db);
    this.#open.delete(profileId);
    db.close();
  }

  /** Closes the profile's database and removes its file with the WAL and shared-memory companions. */
  delete(profileId: string): void {
    const file = this.fileOf(profileId);
    this.close(profileId);
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  }

  closeAll(): void {
    for (const profileId of [...this.#open.keys()]) this.close(profileId);
  }
}

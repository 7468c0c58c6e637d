import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './open-database.ts';
import { profileMigrations } from './profile-migrations/index.ts';

/** Profile ids become file names: nothing that could climb out of the profiles folder. */
const SAFE_PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Where each profile's SQLite database lives (`<dataDir>/profiles/<profileId>.db`), so production and staging
 * history never mix and removing a profile removes all of its history. It keeps nothing open: the profile's
 * scope (src/main/kernel/scopes) owns the handle it opens here.
 */
export class ProfileDatabases {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = path.join(dataDir, 'profiles');
  }

  fileOf(profileId: string): string {
    if (!SAFE_PROFILE_ID.test(profileId))
      throw new Error(`Not a valid profile id: ${JSON.stringify(profileId.slice(0, 80))}`);
    return path.join(this.#dir, `${profileId}.db`);
  }

  /** Opens (creating and migrating as needed) a new handle; the caller closes it. */
  open(profileId: string): Database.Database {
    return openDatabase(this.fileOf(profileId), profileMigrations);
  }

  /** The files that hold the profile's history now (the database and its WAL/shared-memory companions). */
  filesOf(profileId: string): string[] {
    const file = this.fileOf(profileId);
    return COMPANIONS.map((suffix) => `${file}${suffix}`).filter((name) => fs.existsSync(name));
  }

  /** Removes the database with its companions; the handle must be closed first. Returns how many files went. */
  remove(profileId: string): number {
    const files = this.filesOf(profileId);
    for (const file of files) fs.rmSync(file, { force: true });
    return files.length;
  }
}

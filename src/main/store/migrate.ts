import type Database from 'better-sqlite3';

/** One schema step. Versions are 1, 2, 3… in order; a migration never changes once released. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

/**
 * Applies every migration above the file's `user_version`, each in its own transaction, so a failing
 * step leaves the database at the last good version instead of half-migrated.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration ${migration.name} must be version ${index + 1}`);
  });
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`This database is at schema ${current}, newer than this console knows (${migrations.length}).`);
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return migrations.length;
}

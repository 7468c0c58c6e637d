import type { Migration } from '../../../src/main/store/migrate.ts';
import { webhookEventsMigration } from '../../../src/main/store/profile-migrations/009-webhook-events.ts';
import { importedCallsMigration } from '../../../src/main/store/profile-migrations/010-imported-calls.ts';
import { goLiveRunsMigration } from '../../../src/main/store/profile-migrations/011-go-live-runs.ts';

/**
 * The profile migrations with 009, 010 and 011, whether or not index.ts lists them yet: each test file mocks
 * the index with this (`vi.mock(…/profile-migrations/index.ts, …)`), so the real kernel opens profile databases
 * with the go-live tables. Once the lead lists them, this returns the index unchanged.
 */
export function withGoLiveMigrations<T extends { profileMigrations: readonly Migration[] }>(original: T): T {
  const list = [...original.profileMigrations];
  for (const migration of [webhookEventsMigration, importedCallsMigration, goLiveRunsMigration]) {
    if (!list.some((known) => known.name === migration.name)) list.push(migration);
  }
  return { ...original, profileMigrations: list };
}

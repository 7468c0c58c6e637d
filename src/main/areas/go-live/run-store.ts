import type Database from 'better-sqlite3';
import { z } from 'zod';
import {
  goLiveConfirmationSchema,
  goLiveItemIdSchema,
  goLiveItemSchema,
  type GoLiveConfirmation,
  type GoLiveItem,
  type GoLiveItemId,
  type GoLiveRun,
  type GoLiveRunSummary,
} from '../../../shared/contract/goLive.ts';
import { environmentSchema, networkAddressSchema } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import { countStatuses } from './checklist-items.ts';

interface RunRow {
  id: number;
  started_at: number;
  finished_at: number;
  mode: 'production' | 'rehearsal';
  profile_name: string;
  environment: string;
  base_url: string;
  counterpart_id: string | null;
  counterpart_name: string | null;
  run_by: string;
  passed: number;
  failed: number;
  operator: number;
  addresses_json: string;
  items_json: string;
}

const itemsSchema = z.array(goLiveItemSchema);
const addressesSchema = z.array(networkAddressSchema);

export type NewRun = Omit<GoLiveRun, 'id' | 'counts' | 'ready'>;

const summaryOf = (profileId: string, row: RunRow): GoLiveRunSummary => ({
  id: row.id,
  profileId,
  profileName: row.profile_name,
  environment: environmentSchema.parse(row.environment),
  mode: row.mode,
  counterpartId: row.counterpart_id,
  counterpartName: row.counterpart_name,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  by: row.run_by,
  counts: { passed: row.passed, failed: row.failed, operator: row.operator },
  ready: row.failed === 0 && row.operator === 0,
});

/** The go-live runs and the operator's confirmations of one profile, in its own database (migration 011). */
export function createRunStore(db: Database.Database, profileId: string) {
  const runOf = (row: RunRow): GoLiveRun => ({
    ...summaryOf(profileId, row),
    baseUrl: row.base_url,
    networkAddresses: addressesSchema.parse(JSON.parse(row.addresses_json)),
    items: itemsSchema.parse(JSON.parse(row.items_json)),
  });
  const row = (runId: number): RunRow => {
    const found = db.prepare<[number], RunRow>('SELECT * FROM go_live_runs WHERE id = ?').get(runId);
    if (!found) throw new AppError('NOT_FOUND', `There is no go-live run #${runId} for this profile.`);
    return found;
  };

  return {
    insert(run: NewRun): GoLiveRun {
      const counts = countStatuses(run.items);
      const id = db
        .prepare(
          `INSERT INTO go_live_runs (started_at, finished_at, mode, profile_name, environment, base_url, counterpart_id,
             counterpart_name, run_by, passed, failed, operator, addresses_json, items_json)
           VALUES (@startedAt, @finishedAt, @mode, @profileName, @environment, @baseUrl, @counterpartId,
             @counterpartName, @by, @passed, @failed, @operator, @addresses, @items)`,
        )
        .run({
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          mode: run.mode,
          profileName: run.profileName,
          environment: run.environment,
          baseUrl: run.baseUrl,
          counterpartId: run.counterpartId,
          counterpartName: run.counterpartName,
          by: run.by,
          ...counts,
          addresses: JSON.stringify(run.networkAddresses),
          items: JSON.stringify(run.items),
        }).lastInsertRowid;
      return runOf(row(Number(id)));
    },

    get: (runId: number): GoLiveRun => runOf(row(runId)),

    list(limit = 50): GoLiveRunSummary[] {
      return db
        .prepare<[number], RunRow>('SELECT * FROM go_live_runs ORDER BY started_at DESC, id DESC LIMIT ?')
        .all(limit)
        .map((found) => summaryOf(profileId, found));
    },

    replaceItems(runId: number, items: readonly GoLiveItem[]): GoLiveRun {
      const counts = countStatuses(items);
      db.prepare(
        'UPDATE go_live_runs SET items_json = @items, passed = @passed, failed = @failed, operator = @operator WHERE id = @id',
      ).run({ id: runId, items: JSON.stringify(items), ...counts });
      return runOf(row(runId));
    },

    confirmations(): Map<GoLiveItemId, GoLiveConfirmation> {
      const rows = db
        .prepare<[], { item_id: string; confirmed_by: string; confirmed_at: number; note: string }>(
          'SELECT * FROM go_live_confirmations',
        )
        .all();
      const found = new Map<GoLiveItemId, GoLiveConfirmation>();
      for (const entry of rows) {
        const id = goLiveItemIdSchema.safeParse(entry.item_id);
        if (id.success) {
          found.set(
            id.data,
            goLiveConfirmationSchema.parse({ by: entry.confirmed_by, at: entry.confirmed_at, note: entry.note }),
          );
        }
      }
      return found;
    },

    confirm(itemId: GoLiveItemId, confirmation: GoLiveConfirmation): void {
      db.prepare(
        `INSERT INTO go_live_confirmations (item_id, confirmed_by, confirmed_at, note) VALUES (?, ?, ?, ?)
         ON CONFLICT (item_id) DO UPDATE SET confirmed_by = excluded.confirmed_by,
           confirmed_at = excluded.confirmed_at, note = excluded.note`,
      ).run(itemId, confirmation.by, confirmation.at, confirmation.note);
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;

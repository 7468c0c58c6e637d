import type Database from 'better-sqlite3';
import { rateLimitSchema } from '../../../shared/contract/profiles.ts';
import type { ProfileRecord } from './profile-record.ts';

interface ProfileRow {
  id: string;
  name: string;
  environment: ProfileRecord['environment'];
  base_url: string | null;
  client_id: string;
  colour: string;
  wallet_minimum: number | null;
  poll_wallet_secs: number;
  poll_processing_secs: number;
  catalog_sync_hours: number;
  rate_limits_json: string;
  webhook_enabled: 0 | 1;
  webhook_port: number;
  created_at: string;
  updated_at: string;
}

// Limits were validated when written; parsing again on read keeps a hand-edited app.db from feeding
// nonsense to the rate-limit monitor.
const readLimits = (json: string) => rateLimitSchema.array().catch([]).parse(JSON.parse(json));

const toRecord = (row: ProfileRow): ProfileRecord => ({
  id: row.id,
  name: row.name,
  environment: row.environment,
  customBaseUrl: row.base_url,
  clientId: row.client_id,
  colour: row.colour,
  walletMinimum: row.wallet_minimum,
  polling: {
    walletSecs: row.poll_wallet_secs,
    processingOrdersSecs: row.poll_processing_secs,
    catalogSyncHours: row.catalog_sync_hours,
  },
  rateLimits: readLimits(row.rate_limits_json),
  webhookReceiver: { enabled: row.webhook_enabled === 1, port: row.webhook_port },
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toParams = (record: ProfileRecord) => ({
  id: record.id,
  name: record.name,
  environment: record.environment,
  base_url: record.customBaseUrl,
  client_id: record.clientId,
  colour: record.colour,
  wallet_minimum: record.walletMinimum,
  poll_wallet_secs: record.polling.walletSecs,
  poll_processing_secs: record.polling.processingOrdersSecs,
  catalog_sync_hours: record.polling.catalogSyncHours,
  rate_limits_json: JSON.stringify(record.rateLimits),
  webhook_enabled: record.webhookReceiver.enabled ? 1 : 0,
  webhook_port: record.webhookReceiver.port,
  created_at: record.createdAt,
  updated_at: record.updatedAt,
});

export interface ProfileRepository {
  all(): ProfileRecord[];
  find(id: string): ProfileRecord | undefined;
  findByName(name: string): ProfileRecord | undefined;
  insert(record: ProfileRecord, options?: { ignoreExisting?: boolean }): void;
  update(record: ProfileRecord): void;
  remove(id: string): boolean;
}

export function createProfileRepository(db: Database.Database): ProfileRepository {
  const columns =
    'id, name, environment, base_url, client_id, colour, wallet_minimum, poll_wallet_secs, poll_processing_secs, catalog_sync_hours, rate_limits_json, webhook_enabled, webhook_port, created_at, updated_at';
  const values = columns
    .split(', ')
    .map((column) => `@${column}`)
    .join(', ');
  const all = db.prepare(`SELECT * FROM profiles ORDER BY environment = 'simulator' DESC, created_at, rowid`);
  const find = db.prepare('SELECT * FROM profiles WHERE id = ?');
  const findByName = db.prepare('SELECT * FROM profiles WHERE name = ? COLLATE NOCASE');
  const insert = db.prepare(`INSERT INTO profiles (${columns}) VALUES (${values})`);
  const insertIgnore = db.prepare(`INSERT OR IGNORE INTO profiles (${columns}) VALUES (${values})`);
  const update = db.prepare(
    `UPDATE profiles SET ${columns
      .split(', ')
      .filter((column) => column !== 'id' && column !== 'created_at')
      .map((column) => `${column} = @${column}`)
      .join(', ')} WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM profiles WHERE id = ?');

  return {
    all: () => (all.all() as ProfileRow[]).map(toRecord),
    find: (id) => {
      const row = find.get(id) as ProfileRow | undefined;
      return row && toRecord(row);
    },
    findByName: (name) => {
      const row = findByName.get(name) as ProfileRow | undefined;
      return row && toRecord(row);
    },
    insert: (record, options = {}) => void (options.ignoreExisting ? insertIgnore : insert).run(toParams(record)),
    update: (record) => void update.run(toParams(record)),
    remove: (id) => remove.run(id).changes > 0,
  };
}

import pg from 'pg';
import type { AuditEntry } from '../../../shared/contract/audit.ts';
import type { TeamLinkState, TeamStatus } from '../../../shared/contract/team.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { shipAudit } from './audit-shipping.ts';
import { poolConfig } from './connection-config.ts';
import { drainOutbox } from './drain-outbox.ts';
import { describeLinkError, isUnreachable } from './link-errors.ts';
import { migrateTeamDatabase, schemaVersion } from './pg-migrate.ts';
import { PG_SCHEMA_VERSION } from './pg-migrations/index.ts';
import { pullTeamRows } from './pull-rows.ts';
import type { ShipperIdentity } from './ship-batch.ts';
import { outboxBacklog, readTeamLink, type StoredTeamLink } from './team-link-store.ts';

export interface TeamLinkDeps {
  readonly scope: ProfileScope;
  readonly consoleId: string;
  /** From the keychain, read when a pool is made and never kept here. */
  password(): Promise<string | null>;
  auditChangedSince(after: { lastAt: string; id: number } | null, limit: number): AuditEntry[];
  /** A teammate shipped rows (PostgreSQL NOTIFY): pull now rather than at the next run. */
  onTeammateRows(): void;
  now(): number;
}

export const UNLINKABLE_SIMULATOR =
  'The Simulator profile is this machine’s own demo world: its history is never shared with a team.';

/**
 * One profile's link to its team database while its scope is open: a small pool, a LISTEN connection, and
 * what the Team page shows (state, counts, last ship and pull). Every failure is caught here and turned into a
 * state; the jobs rethrow it so the scheduler backs off.
 */
export function createTeamLink(deps: TeamLinkDeps) {
  const { scope } = deps;
  let pool: pg.Pool | null = null;
  let poolSettings = '';
  let listener: pg.Client | null = null;
  let spaceClaimed = false;
  let state: TeamLinkState = 'off';
  let message: string | null = null;
  let shippedRows = 0;
  let pulledRows = 0;
  let lastShippedAt: number | null = null;
  let lastPulledAt: number | null = null;
  let knownSchema: number | null = null;
  let consoles: { consoleId: string; operator: string }[] = [];

  const unlinkableReason = () => (scope.profile().environment === 'simulator' ? UNLINKABLE_SIMULATOR : null);

  const identityOf = (link: StoredTeamLink): ShipperIdentity => ({
    space: link.settings!.space,
    consoleId: deps.consoleId,
    operator: link.settings!.operator,
  });

  async function reset(): Promise<void> {
    const [oldPool, oldListener] = [pool, listener];
    pool = null;
    listener = null;
    poolSettings = '';
    spaceClaimed = false;
    knownSchema = null;
    // What the old pool said about the old settings no longer holds.
    state = 'off';
    message = null;
    await oldListener?.end().catch(() => undefined);
    await oldPool?.end().catch(() => undefined);
  }

  async function poolFor(link: StoredTeamLink): Promise<pg.Pool> {
    const key = JSON.stringify(link.settings);
    if (pool && poolSettings === key) return pool;
    await reset();
    const password = await deps.password();
    if (!password) throw new AppError('VALIDATION', 'Set the team database password (it is kept in the OS keychain).');
    const next = new pg.Pool(poolConfig(link.settings!, password));
    // An idle connection that breaks (the server restarts) must not crash main: the next use reconnects.
    next.on('error', () => undefined);
    pool = next;
    poolSettings = key;
    return next;
  }

  async function claimSpace(client: pg.ClientBase, identity: ShipperIdentity): Promise<void> {
    const environment = scope.profile().environment;
    await client.query(
      'INSERT INTO team_spaces (space, environment, created_by) VALUES ($1, $2, $3) ON CONFLICT (space) DO NOTHING',
      [identity.space, environment, identity.operator],
    );
    const claimed = await client.query<{ environment: string }>(
      'SELECT environment FROM team_spaces WHERE space = $1',
      [identity.space],
    );
    const spaceEnvironment = claimed.rows[0]?.environment;
    // Staging and production history never mix, in the team database either.
    if (spaceEnvironment !== environment) {
      throw new AppError(
        'CONFLICT',
        `The team space “${identity.space}” holds ${spaceEnvironment} history and this profile is ${environment}: choose another space name.`,
      );
    }
    await client.query(
      'INSERT INTO team_consoles (space, console_id, operator) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [identity.space, identity.consoleId, identity.operator],
    );
  }

  /** Runs `work` on a pooled connection of the linked database, turning failures into the link's state. */
  async function withDatabase<T>(
    work: (client: pg.PoolClient, identity: ShipperIdentity) => Promise<T>,
    options: { prepare?: boolean } = {},
  ): Promise<T | null> {
    const link = readTeamLink(scope.db);
    if (unlinkableReason() || !link.enabled) {
      state = unlinkableReason() ? 'unlinkable' : 'off';
      message = null;
      return null;
    }
    const identity = identityOf(link);
    if (state === 'off') state = 'connecting';
    let client: pg.PoolClient | null = null;
    try {
      client = await (await poolFor(link)).connect();
      // Checked once per pool: the schema only moves forward, and only by a prepare.
      if (options.prepare || knownSchema === null || knownSchema < PG_SCHEMA_VERSION) {
        if (options.prepare) await migrateTeamDatabase(client);
        knownSchema = await schemaVersion(client);
      }
      if (knownSchema < PG_SCHEMA_VERSION) {
        throw new AppError(
          'VALIDATION',
          `The team database is not prepared (schema ${knownSchema}, this console needs ${PG_SCHEMA_VERSION}): use “Prepare database” with the owner's login, or see docs/team.md.`,
        );
      }
      if (!spaceClaimed) {
        await claimSpace(client, identity);
        spaceClaimed = true;
      }
      const result = await work(client, identity);
      client.release();
      state = 'online';
      message = null;
      return result;
    } catch (error) {
      // A connection that failed mid-statement is destroyed, not returned to the pool.
      client?.release(error instanceof Error ? error : true);
      state = isUnreachable(error) ? 'offline' : 'error';
      message = describeLinkError(error);
      if (state === 'offline') message += ` ${outboxBacklog(scope.db)} changes wait in the outbox.`;
      throw error instanceof AppError ? error : new AppError('UNAVAILABLE', message);
    }
  }

  async function ensureListener(link: StoredTeamLink): Promise<void> {
    if (listener) return;
    const password = await deps.password();
    if (!password) return;
    const client = new pg.Client(poolConfig(link.settings!, password));
    const space = link.settings!.space;
    client.on('notification', (note) => {
      if (note.channel === 'team_rows' && note.payload === space) deps.onTeammateRows();
    });
    const drop = () => {
      if (listener === client) listener = null;
    };
    client.on('error', drop);
    client.on('end', drop);
    listener = client;
    try {
      await client.connect();
      await client.query('LISTEN team_rows');
    } catch {
      drop();
      await client.end().catch(() => undefined);
    }
  }

  return {
    reset,
    async ship(signal?: AbortSignal): Promise<number> {
      const result = await withDatabase(async (client, identity) => {
        const drained = await drainOutbox(scope.db, client, identity, { signal });
        const audit = await shipAudit(scope.db, client, identity, deps.auditChangedSince);
        return drained.added + audit;
      });
      if (result !== null) {
        shippedRows += result;
        lastShippedAt = deps.now();
      }
      return result ?? 0;
    },
    async pull(signal?: AbortSignal): Promise<number> {
      const result = await withDatabase(async (client, identity) => {
        const pulled = await pullTeamRows(scope.db, client, identity, scope.profileId, signal);
        const seen = await client.query<{ console_id: string; operator: string }>(
          'SELECT console_id, operator FROM team_consoles WHERE space = $1 ORDER BY first_seen',
          [identity.space],
        );
        consoles = seen.rows.map((row) => ({ consoleId: row.console_id, operator: row.operator }));
        return pulled.calls + pulled.orders;
      });
      if (result !== null) {
        pulledRows += result;
        lastPulledAt = deps.now();
        await ensureListener(readTeamLink(scope.db));
      }
      return result ?? 0;
    },
    async prepare(): Promise<void> {
      await withDatabase(async () => undefined, { prepare: true });
    },
    status(): TeamStatus {
      const link = readTeamLink(scope.db);
      const reason = unlinkableReason();
      return {
        profileId: scope.profileId,
        unlinkableReason: reason,
        enabled: link.enabled,
        settings: link.settings,
        passwordSet: scope.profile().secrets.teamDbPassword.set,
        // Linked but not tried yet (the console just started): connecting, not "not linked".
        state: reason ? 'unlinkable' : !link.enabled ? 'off' : state === 'off' ? 'connecting' : state,
        message: link.enabled ? message : null,
        consoleId: deps.consoleId,
        backlog: outboxBacklog(scope.db),
        shippedRows,
        pulledRows,
        lastShippedAt,
        lastPulledAt,
        schemaVersion: knownSchema,
        consoles: consoles.map((each) => ({ ...each, self: each.consoleId === deps.consoleId })),
      };
    },
  };
}

export type TeamLink = ReturnType<typeof createTeamLink>;

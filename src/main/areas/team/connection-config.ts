import fs from 'node:fs';
import pg from 'pg';
import type { TeamLinkSettings } from '../../../shared/contract/team.ts';
import { AppError } from '../../errors/app-error.ts';

export interface TeamDatabaseAddress {
  host: string;
  port: number;
  database: string;
  user: string;
}

/**
 * Reads the team database's URL. A password in it is refused: it would end up in app settings in plaintext, and
 * it belongs in the keychain. Options in the query string are refused too, so TLS is only ever set by the field
 * that says what it does.
 */
export function parseTeamDatabaseUrl(text: string): TeamDatabaseAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('VALIDATION', 'The team database URL is not a URL (postgres://user@host:5432/database).');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new AppError('VALIDATION', 'The team database URL must start with postgres:// or postgresql://.');
  if (url.password)
    throw new AppError(
      'VALIDATION',
      'The URL carries a password. Leave it out and set the team database password: it is kept in the OS keychain.',
    );
  if (url.search || url.hash)
    throw new AppError('VALIDATION', 'Leave options out of the URL: choose TLS with its own setting.');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(url.username);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host || !database || database.includes('/') || !user)
    throw new AppError(
      'VALIDATION',
      'The URL needs a login, a host and a database: postgres://user@host:5432/database.',
    );
  return { host, port: url.port ? Number(url.port) : 5432, database, user };
}

// BIGINT columns (times in ms, ids, seq) arrive as numbers: every value the console stores fits in 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function poolConfig(settings: TeamLinkSettings, password: string): pg.PoolConfig {
  const address = parseTeamDatabaseUrl(settings.url);
  return {
    ...address,
    password,
    ssl: tlsOptions(settings, address.host),
    types,
    max: 2,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 60_000,
    application_name: 'hubble-ops-console',
  };
}

function tlsOptions(settings: TeamLinkSettings, host: string): pg.PoolConfig['ssl'] {
  if (settings.tls === 'disable') return false;
  // `require` encrypts without checking who answers (libpq's sslmode=require); verify-full checks the
  // certificate chain and the host name, against the given CA when the service has its own.
  if (settings.tls === 'require') return { rejectUnauthorized: false };
  let ca: string | undefined;
  if (settings.caCertPath) {
    try {
      ca = fs.readFileSync(settings.caCertPath, 'utf8');
    } catch {
      throw new AppError('VALIDATION', `The CA certificate file cannot be read: ${settings.caCertPath}`);
    }
  }
  return { rejectUnauthorized: true, servername: host, ...(ca ? { ca } : {}) };
}

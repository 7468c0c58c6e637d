import { AppError } from '../../errors/app-error.ts';

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: the server is shutting down or starting, or the connection broke
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);

/**
 * Offline is a normal state for a desktop (a train, a VPN that dropped, the database restarting): the outbox
 * keeps growing and drains later. Everything else (a refused login, a missing database, a space of the other
 * environment) needs the operator and is an error.
 */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code && UNREACHABLE_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error|socket hang up/i.test(
    message,
  );
}

/** The operator's words for a failure of the team link; never a password (pg never echoes it) and no stack. */
export function describeLinkError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '28P01' || code === '28000') return `The team database refused the login: ${message}`;
  if (code === '3D000') return `The team database does not exist: ${message}`;
  if (code === '42501') return `The team database login lacks a privilege: ${message}`;
  if (isUnreachable(error)) return `The team database cannot be reached (${code ?? message}).`;
  return `The team database answered an error: ${message}`;
}

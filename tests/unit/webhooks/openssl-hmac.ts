import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Signatures computed outside the project's code: the openssl command line, fed the exact bytes on stdin.

function run(script: string, input: Buffer, env: Record<string, string>): string {
  const result = spawnSync('sh', ['-c', script], { input, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr.toString()}`);
  return result.stdout.toString();
}

/** base64(HMAC-SHA256(secret as text, body)) exactly as Hubble's docs describe X-Verify. */
export const opensslSignature = (body: Buffer | string, secret: string): string =>
  run('openssl dgst -sha256 -hmac "$HMAC_KEY" -binary | openssl base64 -A', Buffer.from(body), { HMAC_KEY: secret });

/** The same HMAC keyed with raw bytes (for the "secret was decoded" mistakes). */
export const opensslSignatureWithKeyBytes = (body: Buffer | string, key: Buffer): string =>
  run('openssl dgst -sha256 -mac HMAC -macopt "hexkey:$HMAC_HEX_KEY" -binary | openssl base64 -A', Buffer.from(body), {
    HMAC_HEX_KEY: key.toString('hex'),
  });

export const fixturesDir = path.resolve(import.meta.dirname, '../../fixtures/webhooks');

export const FIXTURE_IDS = [
  'brand-updated',
  'wallet-low-balance',
  'order-terminal-state',
  'brand-discount-update',
  'sdk-transaction-completed',
  'sdk-transaction-failed',
  'sdk-transaction-reversed',
  'sdk-user-discount-updated',
  'sdk-new-brand-created',
  'sdk-brand-disabled',
  'sdk-partner-discount-updated',
] as const;

export const fixture = (id: string): Buffer => fs.readFileSync(path.join(fixturesDir, `${id}.json`));

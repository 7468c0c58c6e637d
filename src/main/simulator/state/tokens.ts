import type { Random } from '../random.ts';

export interface TokenRecord {
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');
const HEADER = base64url('{"alg":"HS256","typ":"JWT"}');

/** Bearer tokens: JWT-looking, opaque to clients, several valid at once, no refresh (a new login gets a new one). */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private pruneAt = 50_000;

  issue(clientId: string, now: number, ttlSecs: number, random: Random): { token: string; record: TokenRecord } {
    if (this.tokens.size > this.pruneAt) this.prune(now);
    const record = { clientId, issuedAt: now, expiresAt: now + ttlSecs * 1000 };
    const payload = base64url(
      JSON.stringify({
        sub: clientId,
        iat: Math.floor(now / 1000),
        exp: Math.floor(record.expiresAt / 1000),
        jti: random.uuid(),
      }),
    );
    const signature = Buffer.from(random.hex(64), 'hex').toString('base64url');
    const token = `${HEADER}.${payload}.${signature}`;
    this.tokens.set(token, record);
    return { token, record };
  }

  find(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  /** Drops expired tokens; runs again only after another 50,000 logins, so it never runs on every login. */
  private prune(now: number): void {
    for (const [token, record] of this.tokens) if (record.expiresAt <= now) this.tokens.delete(token);
    this.pruneAt = this.tokens.size + 50_000;
  }
}

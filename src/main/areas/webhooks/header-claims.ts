// What digest an X-Verify value claims, and in which (possibly wrong) encoding. Hubble sends standard padded
// base64 of the 32-byte HMAC-SHA256; partners' own signers and proxies produce the other forms below.

export type HeaderChange =
  | { kind: 'hex'; token: string }
  | { kind: 'base64url'; token: string; padded: boolean }
  | { kind: 'unpadded'; token: string }
  | { kind: 'base64-of-hex'; token: string }
  | { kind: 'prefix'; prefix: string; suffix: string };

export interface HeaderClaim {
  digest: Buffer;
  changes: HeaderChange[];
}

const DIGEST_BYTES = 32;

function decodeToken(token: string): HeaderClaim | null {
  if (/^[A-Za-z0-9+/]{43}=$/.test(token)) return { digest: Buffer.from(token, 'base64'), changes: [] };
  if (/^[A-Za-z0-9+/]{43}$/.test(token))
    return { digest: Buffer.from(token, 'base64'), changes: [{ kind: 'unpadded', token }] };
  if (/^[A-Za-z0-9_-]{43}=?$/.test(token))
    return {
      digest: Buffer.from(token, 'base64url'),
      changes: [{ kind: 'base64url', token, padded: token.endsWith('=') }],
    };
  if (/^[0-9a-fA-F]{64}$/.test(token)) return { digest: Buffer.from(token, 'hex'), changes: [{ kind: 'hex', token }] };
  if (/^[A-Za-z0-9+/]{86}(==)?$/.test(token)) {
    const inner = Buffer.from(token, 'base64').toString('latin1');
    if (/^[0-9a-fA-F]{64}$/.test(inner))
      return { digest: Buffer.from(inner, 'hex'), changes: [{ kind: 'base64-of-hex', token }] };
  }
  return null;
}

// Longest forms first, so the base64 pattern never bites into a hex or base64-of-hex run.
const EMBEDDED = [
  /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/]{86}(?:==)?(?![A-Za-z0-9+/_-])/g,
  /(?<![0-9A-Za-z])[0-9a-fA-F]{64}(?![0-9A-Za-z])/g,
  /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{43}=?(?![A-Za-z0-9+/_=-])/g,
];

/** Every digest the header could be carrying; empty when it holds nothing shaped like an HMAC-SHA256. */
export function headerClaims(header: string): HeaderClaim[] {
  const whole = decodeToken(header);
  if (whole) return [whole];
  const claims: HeaderClaim[] = [];
  for (const pattern of EMBEDDED) {
    for (const match of header.matchAll(pattern)) {
      const claim = decodeToken(match[0]);
      if (!claim || claim.digest.length !== DIGEST_BYTES) continue;
      const prefix = header.slice(0, match.index);
      const suffix = header.slice(match.index + match[0].length);
      claims.push({ digest: claim.digest, changes: [{ kind: 'prefix', prefix, suffix }, ...claim.changes] });
      if (claims.length >= 8) return claims;
    }
  }
  return claims;
}

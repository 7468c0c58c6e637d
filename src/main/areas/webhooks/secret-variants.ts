// Ways a webhook secret gets mangled between Hubble's portal and a partner's HMAC call. Hubble keys the HMAC
// with the secret's text as UTF-8 bytes (seed 001's Kotlin: secret.toByteArray()).

export type SecretChange =
  | { kind: 'trimmed'; where: string }
  | { kind: 'whitespace-removed'; where: string }
  | { kind: 'whitespace-added'; added: string }
  | { kind: 'hex-decoded'; bytes: number }
  | { kind: 'base64-decoded'; bytes: number };

export interface SecretVariant {
  key: Buffer;
  changes: SecretChange[];
}

const EDGE_SPACE = /^[\s\uFEFF]+|[\s\uFEFF]+$/g;

const CHAR_NAMES: Record<string, string> = {
  '\n': '\\n (line feed)',
  '\r': '\\r (carriage return)',
  '\t': '\\t (tab)',
  ' ': 'space',
  '\u00a0': 'no-break space (U+00A0)',
  '\ufeff': 'byte-order mark (U+FEFF)',
};

export const describeWhitespace = (chars: string) =>
  [...chars]
    .map((char) => CHAR_NAMES[char] ?? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
    .join(', ');

/** Where the stray whitespace sits, named by character, never showing any of the secret itself. */
function whereIsWhitespace(secret: string): string {
  const leading = /^[\s\uFEFF]+/.exec(secret)?.[0] ?? '';
  const trailing = /[\s\uFEFF]+$/.exec(secret)?.[0] ?? '';
  const parts: string[] = [];
  if (leading) parts.push(`starts with ${describeWhitespace(leading)}`);
  if (trailing && trailing.length < secret.length) parts.push(`ends with ${describeWhitespace(trailing)}`);
  const inner = secret.slice(leading.length, secret.length - trailing.length).match(/[\s\uFEFF]/g);
  if (inner)
    parts.push(
      `contains ${inner.length} whitespace character${inner.length === 1 ? '' : 's'} inside (${describeWhitespace([...new Set(inner)].join(''))})`,
    );
  return parts.join('; ');
}

export function secretVariants(secret: string): SecretVariant[] {
  const variants: SecretVariant[] = [];
  const trimmed = secret.replace(EDGE_SPACE, '');
  if (trimmed !== secret && trimmed.length > 0)
    variants.push({ key: Buffer.from(trimmed), changes: [{ kind: 'trimmed', where: whereIsWhitespace(secret) }] });
  const stripped = secret.replace(/[\s\uFEFF]/g, '');
  if (stripped !== trimmed && stripped.length > 0)
    variants.push({
      key: Buffer.from(stripped),
      changes: [{ kind: 'whitespace-removed', where: whereIsWhitespace(secret) }],
    });
  if (trimmed === secret) {
    for (const added of ['\n', '\r\n', ' '])
      variants.push({ key: Buffer.from(secret + added), changes: [{ kind: 'whitespace-added', added }] });
  }
  if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'hex');
    variants.push({ key, changes: [{ kind: 'hex-decoded', bytes: key.length }] });
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) && trimmed.replace(/=+$/, '').length % 4 !== 1) {
    const key = Buffer.from(trimmed, 'base64');
    if (key.length > 0 && !key.equals(Buffer.from(trimmed)))
      variants.push({ key, changes: [{ kind: 'base64-decoded', bytes: key.length }] });
  }
  return variants;
}

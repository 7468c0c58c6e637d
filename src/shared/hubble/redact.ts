/**
 * Redaction applied before anything about a Hubble call is stored, exported or shown. Three layers, because
 * a secret can hide anywhere: by field name (cardPin, token…), by value (the profile's own secrets, wherever
 * they appear), and by pattern in free text (bearer tokens, JWTs, card-number-like digit runs, key=value
 * pairs inside non-JSON bodies such as a truncated response).
 */
export const REDACTED = '[redacted]';

export interface RedactionContext {
  /** exact values never to reveal: the client secret, webhook secret, tokens this client obtained */
  readonly secrets?: readonly string[];
}

const normalizeKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

const SECRET_KEYS = new Set([
  'cardnumber',
  'cardno',
  'cardpin',
  'pin',
  'cvv',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'bearertoken',
  'authorization',
  'clientsecret',
  'secret',
  'webhooksecret',
  'password',
  'apikey',
  'xhubblesecret',
]);
const PHONE_KEYS = new Set(['phonenumber', 'phone', 'mobile', 'mobilenumber', 'msisdn']);
const EMAIL_KEYS = new Set(['email', 'emailid', 'emailaddress']);

const isSecretKey = (key: string) => {
  const k = normalizeKey(key);
  return (
    SECRET_KEYS.has(k) ||
    k.endsWith('secret') ||
    k.endsWith('password') ||
    k.endsWith('pin') ||
    k.endsWith('cardnumber')
  );
};

/** "9876543210" → "98******10": enough for an agent to match a customer, not enough to call them. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
}

/** "customer@example.com" → "c***@example.com". */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return REDACTED;
  return `${value[0]}***${value.slice(at)}`;
}

// An e-mail address and a JWT start where a run of their characters starts (the lookbehinds): tried at every
// position inside a long run, each attempt scanned the rest of it, and 40,000 such characters in one body took
// seconds of main's time (a starting point inside a run finds nothing the run's own start does not).
const EMAIL_IN_TEXT = /(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;
const BEARER = /(bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const BEARER_WORD = /bearer/i;
const JWT = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const LONG_DIGITS = /(?<![A-Za-z0-9])\d(?:[ -]?\d){11,18}(?![A-Za-z0-9])/g;
const KEYED_SECRET_IN_TEXT =
  /(\b(?:card_?number|card_?no|card_?pin|pin|cvv|token|access_?token|client_?secret|webhook_?secret|secret|password|authorization)["']?\s*[:=]\s*["']?)(?!\[redacted\])([^"',\s}&<]+)/gi;
const KEYED_PHONE_IN_TEXT = /(\b(?:phone_?number|phone|mobile)["']?\s*[:=]\s*["']?)(\+?[\d -]{6,})/gi;

/** Identifier fields: a long digit run there is an id, not a card number (the card sits under its own key). */
const ID_KEYS = new Set([
  'id',
  'orderid',
  'referenceid',
  'requestid',
  'productid',
  'voucherid',
  'brandid',
  'transactionreferenceid',
]);

/** Free text (a non-JSON body, a debug message, an error string) with every recognisable secret masked. */
export function redactText(text: string, context: RedactionContext = {}, maskDigitRuns = true): string {
  let out = text;
  for (const secret of context.secrets ?? []) {
    if (secret && secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  out = maskDigitRuns ? out.replace(LONG_DIGITS, REDACTED) : out;
  // Each pattern below needs a literal that a plain search finds far faster than the pattern's own scan (most
  // texts, such as a catalog page's names and instructions, hold none of them): a pattern runs only if it can match.
  if (BEARER_WORD.test(out)) out = out.replace(BEARER, `$1${REDACTED}`);
  if (out.includes('eyJ')) out = out.replace(JWT, REDACTED);
  if (out.includes(':') || out.includes('=')) {
    out = out
      .replace(KEYED_SECRET_IN_TEXT, `$1${REDACTED}`)
      .replace(KEYED_PHONE_IN_TEXT, (_match, prefix: string, phone: string) => `${prefix}${maskPhone(phone)}`);
  }
  return out.includes('@') ? out.replace(EMAIL_IN_TEXT, '$1***$2') : out;
}

/** A deep copy of a JSON value with secrets removed and personal data partly masked. */
export function redactValue(value: unknown, context: RedactionContext = {}, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (key && isSecretKey(key)) return REDACTED;
  if (typeof value === 'string') {
    const k = normalizeKey(key);
    if (PHONE_KEYS.has(k)) return maskPhone(value);
    if (EMAIL_KEYS.has(k)) return maskEmail(value);
    return redactText(value, context, !ID_KEYS.has(k));
  }
  if (typeof value === 'number') {
    const k = normalizeKey(key);
    if (PHONE_KEYS.has(k)) return maskPhone(String(value));
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, context, key));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value as Record<string, unknown>))
      out[childKey] = redactValue(child, context, childKey);
    return out;
  }
  return value;
}

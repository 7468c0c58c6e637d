import type { Evidence, Finding } from '../../../shared/webhooks/findings.ts';
import type { BodyChange } from './body-variants.ts';
import type { HeaderChange } from './header-claims.ts';
import type { JsonLayout, JsonStyle } from './json-printer.ts';
import { PARSED_OBJECT_FORM_LABELS } from './parsed-object-strings.ts';
import { describeWhitespace, type SecretChange } from './secret-variants.ts';

// Plain-language findings. Evidence names characters, bytes and profiles; it never contains a secret.

export interface FindingContext {
  header: string | null;
  /** Null when the secret is a production profile's stored secret: see webhook-service.ts. */
  expectedSignature: string | null;
  bodyBytes: number;
  signedBytes: number | null;
  firstDifferenceAt: number | null;
  bodyFromText: boolean;
}

const RAW_BODY_FIX =
  'Compute the HMAC over the raw request body exactly as received, before any JSON parsing (Express: express.raw({ type: "application/json" }) or the verify callback of express.json; Spring: read the body as a String or byte[]; Flask: request.get_data()).';

const shorten = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const visible = (text: string) => JSON.stringify(text);

export const expectedEvidence = (ctx: FindingContext): Evidence[] =>
  ctx.expectedSignature === null
    ? []
    : [{ label: 'X-Verify Hubble would send for this body', value: ctx.expectedSignature }];
const receivedEvidence = (ctx: FindingContext): Evidence => ({
  label: 'X-Verify received',
  value: shorten(ctx.header ?? '(none)'),
});

function bodyEvidence(ctx: FindingContext): Evidence[] {
  const evidence: Evidence[] = [{ label: 'Your body', value: `${ctx.bodyBytes} bytes` }];
  if (ctx.signedBytes !== null) evidence.push({ label: 'Signed form', value: `${ctx.signedBytes} bytes` });
  if (ctx.firstDifferenceAt !== null)
    evidence.push({ label: 'First difference', value: `byte ${ctx.firstDifferenceAt}` });
  return evidence;
}

export function headerMissingFinding(ctx: FindingContext, present: boolean): Finding {
  return {
    code: 'HEADER_MISSING',
    title: 'X-Verify header missing',
    message: present
      ? 'The X-Verify header is empty, so the request cannot be authenticated.'
      : 'The request has no X-Verify header, so it cannot be authenticated.',
    evidence: [{ label: 'X-Verify', value: present ? '(empty)' : '(absent)' }, ...expectedEvidence(ctx)],
    fix: 'Read the header case-insensitively (most frameworks lower-case names: x-verify). If it really is absent, the request did not come from Hubble or a proxy stripped it: answer 401 and do not process it.',
  };
}

export function malformedFinding(ctx: FindingContext): Finding {
  const header = ctx.header ?? '';
  return {
    code: 'SIGNATURE_MALFORMED',
    title: 'X-Verify is not an HMAC-SHA256 signature',
    message: `The header value is not 44 characters of standard base64 (a 32-byte HMAC-SHA256), nor hex or base64url of one, and contains none.`,
    evidence: [
      receivedEvidence(ctx),
      { label: 'Length', value: `${header.length} characters (expected 44)` },
      ...expectedEvidence(ctx),
    ],
    fix: 'Compare against the X-Verify value exactly as received. If it was cut short or rewritten, log it at the edge (load balancer, API gateway) to see where.',
  };
}

export function headerFinding(change: HeaderChange): Finding {
  switch (change.kind) {
    case 'hex':
      return {
        code: 'SIGNATURE_HEX',
        title: 'Signature in hex, not base64',
        message:
          'The header carries the HMAC as 64 hexadecimal characters. Hubble sends the same 32 bytes encoded in standard base64 (44 characters ending in "=").',
        evidence: [
          { label: 'Hex value', value: change.token },
          { label: 'Same digest in base64', value: Buffer.from(change.token, 'hex').toString('base64') },
        ],
        fix: "Encode the digest with base64, not hex: Node digest('base64'); Python base64.b64encode(mac.digest()) instead of hexdigest(); PHP base64_encode(hash_hmac('sha256', $body, $secret, true)).",
      };
    case 'base64url':
      return {
        code: 'SIGNATURE_BASE64URL',
        title: 'Signature in base64url, not base64',
        message: `The header uses the URL-safe base64 alphabet (- and _${change.padded ? '' : ', no "=" padding'}). Hubble sends standard base64 (+ and /, padded with "=").`,
        evidence: [
          { label: 'base64url value', value: change.token },
          { label: 'Same digest in base64', value: Buffer.from(change.token, 'base64url').toString('base64') },
        ],
        fix: "Use standard base64: Node digest('base64') rather than 'base64url'; Java/Kotlin Base64.getEncoder() rather than getUrlEncoder(); Python base64.b64encode rather than urlsafe_b64encode.",
      };
    case 'unpadded':
      return {
        code: 'SIGNATURE_UNPADDED',
        title: 'Signature without "=" padding',
        message:
          'The header is base64 with its trailing "=" removed (43 characters). Hubble sends the padded form (44 characters), and an exact comparison fails on the missing "=".',
        evidence: [
          { label: 'Value', value: change.token },
          { label: 'Padded', value: `${change.token}=` },
        ],
        fix: 'Keep the padding: do not use withoutPadding() or strip "=" from the computed or the received value.',
      };
    case 'base64-of-hex':
      return {
        code: 'SIGNATURE_BASE64_OF_HEX',
        title: 'Signature is base64 of the hex digest',
        message:
          'The header is the hex string of the HMAC, base64-encoded again (88 characters). Hubble base64-encodes the raw 32 digest bytes.',
        evidence: [
          { label: 'Value', value: shorten(change.token) },
          { label: 'Decodes to hex', value: Buffer.from(change.token, 'base64').toString('latin1') },
        ],
        fix: "Base64-encode the raw digest bytes: PHP hash_hmac('sha256', $body, $secret, true) (raw output), Python mac.digest() not hexdigest().",
      };
    case 'prefix': {
      const parts = [
        change.prefix && `prefix ${visible(change.prefix)}`,
        change.suffix && `suffix ${visible(change.suffix)}`,
      ]
        .filter(Boolean)
        .join(' and ');
      return {
        code: 'SIGNATURE_PREFIX',
        title: 'Signature wrapped in extra text',
        message: `The header carries the signature with a ${parts}. Hubble's X-Verify is the bare base64 value, with no scheme such as "sha256=" or "Bearer ".`,
        evidence: [
          { label: 'Prefix', value: change.prefix ? visible(change.prefix) : '(none)' },
          { label: 'Suffix', value: change.suffix ? visible(change.suffix) : '(none)' },
        ],
        fix: 'Compare the whole header value with the bare base64 signature. "sha256=…" and "Bearer …" belong to other providers (GitHub, Stripe, OAuth); do not add or expect them for Hubble.',
      };
    }
  }
}

const indentText = (indent: string) =>
  indent === ''
    ? "each member on its own line without indentation (as Hubble's docs print payloads)"
    : indent === '\t'
      ? 'tab indent'
      : `${indent.length}-space indent`;

/** The layout in words, built from its choices (see reserialised-forms.ts). */
export function layoutText(layout: JsonLayout): string {
  if (layout.indent === null) {
    if (layout.colon === ':' && layout.comma === ',') return 'compact (no whitespace)';
    if (layout.colon === ': ' && layout.comma === ', ')
      return 'one line with ", " and ": " (Python json.dumps default)';
    return `one line with ${visible(layout.comma)} between members and ${visible(layout.colon)} after keys`;
  }
  const parts = [
    layout.arrays === 'inline'
      ? 'pretty-printed with arrays of values on one line'
      : layout.arrays === 'jackson'
        ? 'pretty-printed Jackson style (arrays as [ 1, 2 ], empty ones as [ ] and { })'
        : 'pretty-printed',
    indentText(layout.indent),
  ];
  if (layout.colon !== ': ') parts.push(`keys followed by ${visible(layout.colon)}`);
  if (layout.arrays === 'inline' && layout.comma === ',') parts.push('no space after commas in arrays');
  if (layout.newline === '\r\n') parts.push('CRLF (\\r\\n) line endings');
  return parts.join(', ');
}

function stringsText(strings: JsonStyle['strings'], rewritten: number): string {
  if (strings.asWritten) return 'as in your body';
  const how = [
    strings.unicode === 'literal'
      ? 'escapes decoded (e.g. \\u00e9 written as é)'
      : `non-ASCII characters escaped as \\u${strings.unicode === 'upper' ? 'XXXX (upper case)' : 'xxxx'}`,
  ];
  if (strings.slashes) how.push('"/" escaped as "\\/"');
  if (strings.html) how.push('<, > and & escaped as \\u003c, \\u003e, \\u0026');
  return `${how.join(', ')} in ${rewritten} string${rewritten === 1 ? '' : 's'}`;
}

function styleEvidence(
  style: JsonStyle,
  stats: { stringsRewritten: number; numbersRewritten: number; objectsReordered: number },
): Evidence[] {
  const evidence: Evidence[] = [{ label: 'Layout of the signed form', value: layoutText(style.layout) }];
  evidence.push({
    label: 'Key order',
    value: style.sortKeys
      ? `sorted alphabetically (${stats.objectsReordered} object${stats.objectsReordered === 1 ? '' : 's'} reordered)`
      : 'as in your body',
  });
  evidence.push({ label: 'Strings', value: stringsText(style.strings, stats.stringsRewritten) });
  const numbers =
    style.numbers === 'raw'
      ? 'as in your body'
      : style.numbers === 'js'
        ? `JavaScript-normalised (1000.0 → 1000) in ${stats.numbersRewritten} place${stats.numbersRewritten === 1 ? '' : 's'}`
        : `whole numbers written as doubles (1000 → 1000.0) in ${stats.numbersRewritten} place${stats.numbersRewritten === 1 ? '' : 's'}`;
  evidence.push({ label: 'Numbers', value: numbers });
  return evidence;
}

const NEWLINE_NAMES = { '\n': 'a newline \\n (0a)', '\r\n': 'CRLF \\r\\n (0d 0a)' } as const;

export function bodyFinding(change: BodyChange, ctx: FindingContext): Finding {
  switch (change.kind) {
    case 'bom':
      return {
        code: 'BOM',
        title: 'Byte-order mark',
        message: change.yours
          ? 'Your body starts with a UTF-8 byte-order mark (EF BB BF) that is not in the bytes Hubble signed.'
          : 'The bytes Hubble signed start with a UTF-8 byte-order mark (EF BB BF) that your body has lost.',
        evidence: [
          { label: 'Bytes 0–2', value: change.yours ? 'ef bb bf in your body' : 'ef bb bf in the signed form' },
          ...bodyEvidence(ctx),
        ],
        fix: 'Hash the bytes as received. Text decoders and editors add or drop a BOM (.NET StreamReader, PowerShell, Notepad); read the body as bytes.',
      };
    case 'trailing-newline':
      return {
        code: 'TRAILING_NEWLINE',
        title: change.yours ? 'Extra trailing newline' : 'Trailing newline missing',
        message: change.yours
          ? `Your body ends with ${NEWLINE_NAMES[change.sequence]} that is not in the bytes Hubble signed.`
          : `The bytes Hubble signed end with ${NEWLINE_NAMES[change.sequence]} that your body lacks.`,
        evidence: bodyEvidence(ctx),
        fix: 'Use the body exactly as received: do not trim it or append a line break. Editors, echo, heredocs and some HTTP clients add a final newline.',
      };
    case 'line-endings':
      return {
        code: 'CRLF',
        title: 'Line endings converted',
        message:
          change.signed === 'CRLF'
            ? `The bytes Hubble signed use CRLF (\\r\\n) line endings; your body has LF (\\n) on ${change.lines} line${change.lines === 1 ? '' : 's'}.`
            : `Your body has CRLF (\\r\\n) line endings on ${change.lines} line${change.lines === 1 ? '' : 's'}; the bytes Hubble signed use LF (\\n).`,
        evidence: bodyEvidence(ctx),
        fix:
          'Keep line endings as received: git autocrlf, Windows editors and copy-paste convert them.' +
          (ctx.bodyFromText && change.signed === 'CRLF'
            ? ' You pasted this body: browsers turn CRLF into LF in a text box, so drop the raw file instead.'
            : ''),
      };
    case 'reserialised':
      if (change.jsRoundTrip) {
        return {
          code: 'PARSED_JSON',
          title: 'Verified over parsed JSON, not the raw text',
          message:
            'The signature matches JSON.stringify(JSON.parse(body)): it was computed over the parsed-and-re-serialised JSON instead of the raw body text. Whitespace, number forms (1000.0 → 1000) and escapes all change on that round trip.',
          evidence: [...styleEvidence(change.style, change.stats), ...bodyEvidence(ctx)],
          fix: RAW_BODY_FIX,
        };
      }
      return {
        code: 'BODY_RESERIALISED',
        title: 'Body re-serialised',
        message:
          'Your body is not the byte sequence Hubble signed: the same JSON, written out differently, verifies. Something parsed the JSON and serialised it again (whitespace, key order, escapes or number forms changed). See the diff.',
        evidence: [...styleEvidence(change.style, change.stats), ...bodyEvidence(ctx)],
        fix:
          RAW_BODY_FIX +
          ' If you copied the body from a log or a pretty-printing tool, copy it from the raw request instead.',
      };
    case 'parsed-object':
      return {
        code: 'PARSED_JSON',
        title: 'Verified over the parsed object',
        message: `The signature was computed over the parsed object's string form (${PARSED_OBJECT_FORM_LABELS[change.form]}), not the raw body text.`,
        evidence: [
          {
            label: 'String that was signed',
            value:
              change.form === 'object-object' ? '[object Object]' : 'the parsed object printed by the language runtime',
          },
          ...bodyEvidence(ctx),
        ],
        fix: RAW_BODY_FIX,
      };
  }
}

export function secretFinding(change: SecretChange): Finding {
  switch (change.kind) {
    case 'trimmed':
    case 'whitespace-removed':
      return {
        code: 'SECRET_WHITESPACE',
        title: 'Whitespace in the secret',
        message: `The secret used ${change.where}. The signature verifies once that whitespace is removed: Hubble signs with the secret exactly as issued.`,
        evidence: [{ label: 'Secret', value: change.where }],
        fix: 'Trim the secret where it is loaded (environment variable, .env or secret file, secrets manager); a trailing newline from a file or a copy-paste is the usual culprit.',
      };
    case 'whitespace-added':
      return {
        code: 'SECRET_WHITESPACE',
        title: "Whitespace in the signer's secret",
        message: `The signature was made with the secret followed by ${describeWhitespace(change.added)}. Hubble's secret has no trailing whitespace.`,
        evidence: [{ label: 'Extra characters after the secret', value: describeWhitespace(change.added) }],
        fix: 'Trim the secret where the signing code loads it (a file read or an environment variable with a final newline).',
      };
    case 'hex-decoded':
      return {
        code: 'SECRET_HEX_DECODED',
        title: 'Secret hex-decoded instead of used as text',
        message: `The signature was computed with the secret hex-decoded to ${change.bytes} bytes. Hubble uses the secret's text, as UTF-8 bytes, as the HMAC key.`,
        evidence: [{ label: 'Key used', value: `${change.bytes} bytes decoded from the secret's hex text` }],
        fix: "Pass the secret string as it is: Node createHmac('sha256', secret); Kotlin/Java SecretKeySpec(secret.toByteArray(), \"HmacSHA256\"); do not hex-decode it (Buffer.from(secret, 'hex'), bytes.fromhex).",
      };
    case 'base64-decoded':
      return {
        code: 'SECRET_BASE64_DECODED',
        title: 'Secret base64-decoded instead of used as text',
        message: `The signature was computed with the secret base64-decoded to ${change.bytes} bytes. Hubble uses the secret's text, as UTF-8 bytes, as the HMAC key.`,
        evidence: [{ label: 'Key used', value: `${change.bytes} bytes decoded from the secret's base64 text` }],
        fix: "Pass the secret string as it is; do not base64-decode it (Buffer.from(secret, 'base64'), base64.b64decode, Base64.getDecoder()).",
      };
  }
}

export function otherProfileFinding(profile: { name: string; environment: string }, chosen: string): Finding {
  return {
    code: 'OTHER_PROFILE_SECRET',
    title: `Signed with the ${profile.environment} secret`,
    message: `The signature verifies with the webhook secret of profile "${profile.name}" (${profile.environment}), not with ${chosen}. The webhook came from the other environment, or the endpoint is configured with the wrong secret.`,
    evidence: [
      { label: 'Verifies with', value: `${profile.name} (${profile.environment})` },
      { label: 'Chosen', value: chosen },
    ],
    fix: "Webhook URLs and secrets are configured per environment: check which environment's URL points at this endpoint, and give the endpoint that environment's secret.",
  };
}

export function noExplanationFinding(ctx: FindingContext, checked: string[]): Finding {
  return {
    code: 'NO_EXPLANATION',
    title: 'Body or secret differs',
    message:
      'The signature does not match and none of the known mistakes explains it: the body is not the one Hubble signed (changed in a way not tried here) or the secret is a different one.',
    evidence: [
      receivedEvidence(ctx),
      ...expectedEvidence(ctx),
      { label: 'Body', value: `${ctx.bodyBytes} bytes` },
      { label: 'Checked', value: checked.join('; ') },
    ],
    fix: 'Capture the raw body at the very edge of your service (before any middleware) and confirm with Hubble which webhook secret belongs to this environment.',
  };
}

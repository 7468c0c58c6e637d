import type { ByteDiff } from '../../../shared/webhooks/byte-diff.ts';
import type { Finding } from '../../../shared/webhooks/findings.ts';
import {
  parseBodySteps,
  parsedObjectVariants,
  rawTransforms,
  reserialisedVariants,
  type BodyChange,
  type BodyVariant,
} from './body-variants.ts';
import { diffBodiesSteps } from './byte-diff.ts';
import {
  bodyFinding,
  headerFinding,
  headerMissingFinding,
  malformedFinding,
  noExplanationFinding,
  otherProfileFinding,
  secretFinding,
  type FindingContext,
} from './finding-text.ts';
import { headerClaims, type HeaderClaim } from './header-claims.ts';
import { secretVariants, type SecretChange } from './secret-variants.ts';
import { reserialisedForms } from './reserialised-forms.ts';
import { hmacDigest } from './signature.ts';
import { createWorkPacer, type WorkPacer } from './work-pacer.ts';

export interface OtherSecret {
  profile: { profileId: string; name: string; environment: string };
  key: Buffer;
}

export interface DiagnosisInput {
  body: Buffer;
  /** The normalised X-Verify value, null when absent. */
  header: string | null;
  headerWasPresent: boolean;
  secret: string;
  secretLabel: string;
  /** Null when it must not be shown (a production profile's stored secret). */
  expectedSignature: string | null;
  bodyFromText: boolean;
  /** Read only when the cheaper explanations fail; never returned or logged. */
  otherSecrets(): Promise<{ secrets: OtherSecret[]; unreadable: number }>;
}

export interface Diagnosis {
  findings: Finding[];
  diff: ByteDiff | null;
  checked: string[];
}

/** Combinations of a secret mistake with a body mistake are only tried on bodies this small. */
const COMBINATION_LIMIT = 64 * 1024;
/**
 * Bytes printed and hashed by the optional searches (body forms and combinations). A real webhook's whole
 * search fits many times over; a hostile 1 MiB body stops after its likeliest forms.
 */
export const WORK_BUDGET = 32 * 1024 * 1024;
/** The longest the diagnosis holds main before giving the event loop a turn. */
const SLICE_MS = 8;

interface Match {
  claim: HeaderClaim;
  body: BodyVariant | null;
  secretChanges: SecretChange[];
  other: OtherSecret['profile'] | null;
}

const plural = (count: number, word: string) => `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Explains a failed verification: tries every known mistake (header encodings, body changes, secret changes,
 * other profiles' secrets), cheapest and likeliest first, and reports the first combination that verifies.
 * Runs in short slices (the event loop gets a turn every few milliseconds) within a fixed work budget.
 */
export async function diagnose(input: DiagnosisInput): Promise<Diagnosis> {
  const ctx: FindingContext = {
    header: input.header,
    expectedSignature: input.expectedSignature,
    bodyBytes: input.body.length,
    signedBytes: null,
    firstDifferenceAt: null,
    bodyFromText: input.bodyFromText,
  };
  if (!input.header)
    return {
      findings: [headerMissingFinding(ctx, input.headerWasPresent)],
      diff: null,
      checked: ['X-Verify header present'],
    };

  const claims = headerClaims(input.header);
  const checked: string[] = [
    'X-Verify as standard base64, base64url, unpadded, hex, base64 of hex, with or without a prefix',
  ];
  if (claims.length === 0) return { findings: [malformedFinding(ctx)], diff: null, checked };

  const pacer = createWorkPacer({ sliceMs: SLICE_MS, budget: WORK_BUDGET });
  const find = (key: Buffer, body: Buffer) => {
    pacer.charge(body.length);
    const digest = hmacDigest(key, body);
    return claims.find((claim) => claim.digest.equals(digest));
  };
  const primary = Buffer.from(input.secret, 'utf8');
  const small = input.body.length <= COMBINATION_LIMIT;
  // Every body form tried with the chosen secret, once each (two layouts often print the same bytes).
  const triedDigests = new Set<string>();
  const bodyForms: BodyVariant[] = [];
  const tryForm = (variant: BodyVariant): HeaderClaim | null => {
    pacer.charge(variant.bytes.length);
    const digest = hmacDigest(primary, variant.bytes);
    const key = digest.toString('base64');
    if (triedDigests.has(key)) return null;
    triedDigests.add(key);
    if (small) bodyForms.push(variant);
    return claims.find((claim) => claim.digest.equals(digest)) ?? null;
  };
  const done = (match: Match) => explain(match, input, ctx, checked, pacer);

  // 1. The exact bytes: only the header's encoding can be wrong.
  checked.push(`the exact ${plural(input.body.length, 'byte')} with ${input.secretLabel}`);
  pacer.charge(input.body.length);
  const exactDigest = hmacDigest(primary, input.body);
  const exact = claims.find((claim) => claim.digest.equals(exactDigest));
  if (exact) return done({ claim: exact, body: null, secretChanges: [], other: null });
  triedDigests.add(exactDigest.toString('base64'));
  await pacer.pause();

  // 2. BOM, trailing newline, line endings.
  let rawCount = 0;
  for (const variant of rawTransforms(input.body)) {
    await pacer.pause();
    rawCount += 1;
    const claim = tryForm(variant);
    if (claim) {
      checked.push(`${plural(rawCount, 'form')} with a BOM, trailing newline or CRLF/LF added or removed`);
      return done({ claim, body: variant, secretChanges: [], other: null });
    }
  }
  checked.push(`${plural(rawCount, 'form')} with a BOM, trailing newline or CRLF/LF added or removed`);

  // 3. The JSON re-serialised, and 4. the parsed object printed by a language runtime.
  const parsed = await pacer.run(parseBodySteps(input.body));
  if (parsed) {
    const total = reserialisedForms(parsed.traits).length;
    let printed = 0;
    let tried = 0;
    let hit: { claim: HeaderClaim; body: BodyVariant } | null = null;
    let lastStyle: unknown = null;
    for await (const variant of reserialisedVariants(parsed, pacer)) {
      const style = (variant.changes[0] as { style?: unknown }).style;
      if (style !== lastStyle) printed += 1;
      lastStyle = style;
      tried += 1;
      const claim = tryForm(variant);
      if (claim) {
        hit = { claim, body: variant };
        break;
      }
      await pacer.pause();
    }
    checked.push(
      `${plural(tried, 're-serialised form')} of the JSON: ${printed.toLocaleString('en')} of ${plural(total, 'combination')} of layout (one line or one member per line; indent none, 2, 4 or tab; separators; arrays on one line), line endings, key order, string escapes (decoded, \\uxxxx, \\uXXXX, \\/, HTML-safe) and number forms, each ± a final newline${!hit && printed < total ? `; the other ${plural(total - printed, 'combination')} (the least likely) are past the work limit for a body this size` : ''}`,
    );
    if (hit) return done({ ...hit, secretChanges: [], other: null });

    const parsedForms = parsedObjectVariants(parsed);
    checked.push(
      parsedForms.length > 1
        ? 'the parsed object as a string ([object Object], Python str(dict), JVM Map.toString())'
        : 'the parsed object as [object Object] (Python and JVM object strings only for bodies up to 64 KB)',
    );
    for (const variant of parsedForms) {
      const claim = tryForm(variant);
      if (claim) return done({ claim, body: variant, secretChanges: [], other: null });
    }
  } else checked.push('no re-serialised or parsed-object forms (the body is not valid UTF-8 JSON)');

  // 5. The secret mangled, over the exact bytes.
  const secrets = secretVariants(input.secret);
  checked.push(
    `${plural(secrets.length, 'variant')} of the secret (whitespace trimmed or added, hex-decoded, base64-decoded)`,
  );
  for (const variant of secrets) {
    const claim = find(variant.key, input.body);
    if (claim) return done({ claim, body: null, secretChanges: variant.changes, other: null });
  }

  // 6. Another profile's secret, read only now that the cheaper explanations failed.
  const { secrets: otherKeys, unreadable } = await input.otherSecrets();
  checked.push(
    `the webhook secrets of ${plural(otherKeys.length, 'other profile')}${unreadable ? ` (${unreadable} could not be read)` : ''}`,
  );
  for (const other of otherKeys) {
    const claim = find(other.key, input.body);
    if (claim) return done({ claim, body: null, secretChanges: [], other: other.profile });
  }

  // 7. A secret mistake and a body mistake together.
  if (!small) checked.push(`no combinations (body over ${COMBINATION_LIMIT / 1024} KB)`);
  else {
    const keys = [
      ...secrets.map((variant) => ({ key: variant.key, secretChanges: variant.changes, other: null })),
      ...otherKeys.map((other) => ({ key: other.key, secretChanges: [], other: other.profile })),
    ];
    let stopped = false;
    search: for (const key of keys) {
      for (const body of bodyForms) {
        if (pacer.exhausted) {
          stopped = true;
          break search;
        }
        const claim = find(key.key, body.bytes);
        if (claim) {
          checked.push('every secret variant and other profile combined with every body form');
          return done({ claim, body, secretChanges: key.secretChanges, other: key.other });
        }
        await pacer.pause();
      }
    }
    checked.push(
      stopped
        ? 'secret variants and other profiles combined with the body forms, until the work limit'
        : 'every secret variant and other profile combined with every body form',
    );
  }

  // Nothing verifies; a header in the wrong encoding is still worth saying when the header is unambiguous.
  const headerFindings = claims.length === 1 ? claims[0]!.changes.map(headerFinding) : [];
  return { findings: [...headerFindings, noExplanationFinding(ctx, checked)], diff: null, checked };
}

const BODY_ORDER: Record<BodyChange['kind'], number> = {
  reserialised: 0,
  'parsed-object': 0,
  'line-endings': 1,
  'trailing-newline': 2,
  bom: 3,
};

async function explain(
  match: Match,
  input: DiagnosisInput,
  ctx: FindingContext,
  checked: string[],
  pacer: WorkPacer,
): Promise<Diagnosis> {
  let diff: ByteDiff | null = null;
  let bodyCtx = ctx;
  if (match.body) {
    diff = await pacer.run(
      diffBodiesSteps(input.body, match.body.bytes, { left: 'Your body', right: 'The form that verifies' }),
    );
    bodyCtx = { ...ctx, signedBytes: match.body.bytes.length, firstDifferenceAt: diff.firstDifferenceAt };
  }
  const findings: Finding[] = [
    ...match.claim.changes.map(headerFinding),
    ...[...(match.body?.changes ?? [])]
      .sort((a, b) => BODY_ORDER[a.kind] - BODY_ORDER[b.kind])
      .map((change) => bodyFinding(change, bodyCtx)),
    ...match.secretChanges.map(secretFinding),
    ...(match.other ? [otherProfileFinding(match.other, input.secretLabel)] : []),
  ];
  return { findings, diff, checked };
}

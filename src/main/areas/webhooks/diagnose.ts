import type { ByteDiff } from '../../../shared/webhooks/byte-diff.ts';
import type { Finding } from '../../../shared/webhooks/findings.ts';
import {
  parseBody,
  parsedObjectVariants,
  rawTransforms,
  reserialisedVariants,
  type BodyChange,
  type BodyVariant,
} from './body-variants.ts';
import { diffBodies } from './byte-diff.ts';
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
import { hmacDigest } from './signature.ts';

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
  expectedSignature: string;
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

interface Match {
  claim: HeaderClaim;
  body: BodyVariant | null;
  secretChanges: SecretChange[];
  other: OtherSecret['profile'] | null;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Explains a failed verification: tries every known mistake (header encodings, body changes, secret changes,
 * other profiles' secrets), cheapest and likeliest first, and reports the first combination that verifies.
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

  const find = (key: string | Buffer, body: Buffer) => {
    const digest = hmacDigest(key, body);
    return claims.find((claim) => claim.digest.equals(digest));
  };
  const primary = Buffer.from(input.secret, 'utf8');
  const parsed = parseBody(input.body);

  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const transforms = lazy(() => rawTransforms(input.body));
  const reserialised = lazy(() => (parsed ? reserialisedVariants(parsed) : []));
  const parsedForms = lazy(() => (parsed ? parsedObjectVariants(parsed) : []));
  const secrets = lazy(() => secretVariants(input.secret));
  const others = lazy(() => input.otherSecrets());

  const tryBodies = (key: Buffer, bodies: BodyVariant[]) => {
    for (const body of bodies) {
      const claim = find(key, body.bytes);
      if (claim) return { claim, body };
    }
    return null;
  };

  const stages: Array<{ label: () => string | null; run: () => Promise<Match | null> | Match | null }> = [
    {
      label: () => `the exact ${plural(input.body.length, 'byte')} with ${input.secretLabel}`,
      run: () => {
        const claim = find(primary, input.body);
        return claim ? { claim, body: null, secretChanges: [], other: null } : null;
      },
    },
    {
      label: () => `${plural(transforms().length, 'form')} with a BOM, trailing newline or CRLF/LF added or removed`,
      run: () => {
        const hit = tryBodies(primary, transforms());
        return hit ? { ...hit, secretChanges: [], other: null } : null;
      },
    },
    {
      label: () =>
        parsed
          ? `${plural(reserialised().length, 're-serialised form')} of the JSON (compact, pretty 2/4/tab, docs layout, Jackson, Python; sorted keys; escaped or decoded unicode; number forms; ± final newline)`
          : 'no re-serialised forms (the body is not valid UTF-8 JSON)',
      run: () => {
        const hit = tryBodies(primary, reserialised());
        return hit ? { ...hit, secretChanges: [], other: null } : null;
      },
    },
    {
      label: () =>
        parsed
          ? 'the parsed object as a string ([object Object], Python str(dict), JVM Map.toString())'
          : 'no parsed-object forms (not JSON)',
      run: () => {
        const hit = tryBodies(primary, parsedForms());
        return hit ? { ...hit, secretChanges: [], other: null } : null;
      },
    },
    {
      label: () =>
        `${plural(secrets().length, 'variant')} of the secret (whitespace trimmed or added, hex-decoded, base64-decoded)`,
      run: () => {
        for (const variant of secrets()) {
          const claim = find(variant.key, input.body);
          if (claim) return { claim, body: null, secretChanges: variant.changes, other: null };
        }
        return null;
      },
    },
    {
      label: () => null,
      run: async () => {
        const { secrets: otherKeys, unreadable } = await others();
        checked.push(
          `the webhook secrets of ${plural(otherKeys.length, 'other profile')}${unreadable ? ` (${unreadable} could not be read)` : ''}`,
        );
        for (const other of otherKeys) {
          const claim = find(other.key, input.body);
          if (claim) return { claim, body: null, secretChanges: [], other: other.profile };
        }
        return null;
      },
    },
    {
      label: () =>
        input.body.length <= COMBINATION_LIMIT
          ? 'every secret variant and other profile combined with every body form'
          : `no combinations (body over ${COMBINATION_LIMIT / 1024} KB)`,
      run: async () => {
        if (input.body.length > COMBINATION_LIMIT) return null;
        const bodies = [...transforms(), ...reserialised()];
        for (const variant of secrets()) {
          const hit = tryBodies(variant.key, bodies);
          if (hit) return { ...hit, secretChanges: variant.changes, other: null };
        }
        for (const other of (await others()).secrets) {
          const hit = tryBodies(other.key, bodies);
          if (hit) return { ...hit, secretChanges: [], other: other.profile };
        }
        return null;
      },
    },
  ];

  for (const stage of stages) {
    const label = stage.label();
    if (label) checked.push(label);
    const match = await stage.run();
    if (match) return explain(match, input, ctx, checked);
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

function explain(match: Match, input: DiagnosisInput, ctx: FindingContext, checked: string[]): Diagnosis {
  let diff: ByteDiff | null = null;
  let bodyCtx = ctx;
  if (match.body) {
    diff = diffBodies(input.body, match.body.bytes, { left: 'Your body', right: 'The form that verifies' });
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

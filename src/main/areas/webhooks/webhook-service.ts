import type {
  SignWebhookInput,
  SignWebhookWithProfileInput,
  VerifyWebhookInput,
  WebhookBody,
  WebhookSecretChoice,
} from '../../../shared/contract/webhooks.ts';
import type { Classification } from '../../../shared/webhooks/classification.ts';
import type { WebhookExample } from '../../../shared/webhooks/examples.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';
import type { SignedRequest } from '../../../shared/webhooks/signing.ts';
import type { Verification } from '../../../shared/webhooks/verification.ts';
import { WEBHOOK_TYPES } from '../../../shared/webhooks/webhook-types.ts';
import { AppError } from '../../errors/app-error.ts';
import { SIMULATOR_PROFILE_ID } from '../../kernel/profiles/builtin-simulator.ts';
import { bodyBytes, bodyMessage, messageBytes, messageLength } from './body-bytes.ts';
import { classifyBody } from './classify-body.ts';
import { diagnose, type OtherSecret } from './diagnose.ts';
import { SEED_PAYLOADS } from './seed-payloads.ts';
import type { WebhookSecretSource } from './secret-source.ts';
import { normaliseHeader, signBody, verifySignature } from './signature.ts';
import { DEFAULT_TARGET_URL, signedRequest } from './signed-request.ts';

export interface WebhookService {
  verify(input: VerifyWebhookInput): Promise<Verification>;
  classify(body: WebhookBody): Classification;
  examples(): Promise<WebhookExample[]>;
  sign(input: SignWebhookInput): Promise<SignedRequest>;
  signWithProfile(input: SignWebhookWithProfileInput): Promise<SignedRequest>;
}

interface ResolvedSecret {
  secret: string;
  label: string;
  profileId: string | null;
  /**
   * A production profile's stored secret (or a stored secret whose profile cannot be described): an HMAC
   * with it over caller-chosen bytes is a webhook the partner's production endpoint would accept, so verify
   * never returns one; only signWithProfile does, behind the production guard and the audit log.
   */
  signaturesWithheld: boolean;
}

export interface WebhookServiceDeps {
  secrets: WebhookSecretSource;
  /** Signing with a profile's stored secret forges a request Hubble could have sent: it is always audited. */
  auditSigning: (entry: { profileId: string; bytes: number; url: string }) => void;
}

export function createWebhookService(deps: WebhookServiceDeps): WebhookService {
  // Pasted secrets live only in this call's locals: never stored, logged or put in an error.
  const pasted = (value: string): ResolvedSecret => ({
    secret: value,
    label: 'the pasted secret',
    profileId: null,
    signaturesWithheld: false,
  });

  async function resolveSecret(choice: WebhookSecretChoice): Promise<ResolvedSecret> {
    if (choice.kind === 'pasted') return pasted(choice.value);
    const profile = (await deps.secrets.describeProfile?.(choice.profileId)) ?? null;
    const name = profile ? `profile "${profile.name}" (${profile.environment})` : `profile ${choice.profileId}`;
    const secret = await deps.secrets.webhookSecretFor(choice.profileId);
    if (!secret)
      throw new AppError(
        'NOT_FOUND',
        `${name[0]!.toUpperCase()}${name.slice(1)} has no webhook secret in the keychain. Add it to the profile, or paste the secret.`,
        { profileId: choice.profileId },
      );
    return {
      secret,
      label: `the webhook secret of ${name}`,
      profileId: choice.profileId,
      signaturesWithheld: !profile || profile.environment === 'production',
    };
  }

  async function otherSecrets(resolved: ResolvedSecret): Promise<{ secrets: OtherSecret[]; unreadable: number }> {
    const secrets: OtherSecret[] = [];
    let unreadable = 0;
    let profiles: Awaited<ReturnType<WebhookSecretSource['otherProfiles']>>;
    try {
      profiles = await deps.secrets.otherProfiles(resolved.profileId ?? undefined);
    } catch {
      return { secrets, unreadable: 1 };
    }
    for (const profile of profiles) {
      try {
        const secret = await deps.secrets.webhookSecretFor(profile.profileId);
        if (secret && secret !== resolved.secret)
          secrets.push({
            profile: { ...profile, environment: String(profile.environment) },
            key: Buffer.from(secret, 'utf8'),
          });
      } catch {
        unreadable += 1;
      }
    }
    return { secrets, unreadable };
  }

  return {
    async verify(input) {
      const message = bodyMessage(input.body);
      const resolved = input.secret.kind === 'pasted' ? pasted(input.secret.value) : await resolveSecret(input.secret);
      const shown = (signature: string) => (resolved.signaturesWithheld ? null : signature);
      const header = normaliseHeader(input.signatureHeader);
      let expected: string | null = null;
      if (header) {
        const result = verifySignature(message, header, resolved.secret);
        if (result.valid) {
          const bytes = messageLength(message);
          return {
            verdict: 'valid',
            bodyBytes: bytes,
            headerPresent: true,
            secretLabel: resolved.label,
            expectedSignature: shown(result.expected),
            findings: [],
            diff: null,
            checked: [`the exact ${bytes} bytes with ${resolved.label}: X-Verify matches (constant-time comparison)`],
          };
        }
        expected = result.expected;
      }
      // Only a failure pays for a byte copy of the body and the diagnosis.
      const body = messageBytes(message);
      const expectedSignature = shown(expected ?? signBody(resolved.secret, body));
      const diagnosis = await diagnose({
        body,
        header: header || null,
        headerWasPresent: input.signatureHeader !== null && input.signatureHeader !== undefined,
        secret: resolved.secret,
        secretLabel: resolved.label,
        expectedSignature,
        bodyFromText: 'text' in input.body,
        otherSecrets: () => otherSecrets(resolved),
      });
      return {
        verdict: 'invalid',
        bodyBytes: body.length,
        headerPresent: Boolean(header),
        secretLabel: resolved.label,
        expectedSignature,
        ...diagnosis,
      };
    },

    classify(body) {
      return classifyBody(bodyBytes(body));
    },

    async examples() {
      let secret: string | null = null;
      try {
        secret = await deps.secrets.webhookSecretFor(SIMULATOR_PROFILE_ID);
      } catch {
        secret = null;
      }
      return SEED_PAYLOADS.map((seed) => {
        const body = maskCardDataInText(seed.text);
        const spec = WEBHOOK_TYPES.find((candidate) => candidate.id === seed.type)!;
        return {
          id: seed.id,
          type: seed.type,
          label: seed.label,
          family: spec.family,
          source: seed.source,
          body,
          signature: secret ? signBody(secret, Buffer.from(body, 'utf8')) : null,
          signedWithProfileId: secret ? SIMULATOR_PROFILE_ID : null,
        };
      });
    },

    async sign(input) {
      const body = bodyBytes(input.body);
      return signedRequest(body, signBody(input.secret.value, body), input.url ?? DEFAULT_TARGET_URL);
    },

    // The production guard has already run in the router (confirmOnProduction); every signing is audited.
    async signWithProfile(input) {
      const body = bodyBytes(input.body);
      const { secret } = await resolveSecret({ kind: 'profile', profileId: input.profileId });
      const url = input.url ?? DEFAULT_TARGET_URL;
      deps.auditSigning({ profileId: input.profileId, bytes: body.length, url });
      return signedRequest(body, signBody(secret, body), url);
    },
  };
}

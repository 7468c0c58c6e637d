import { z } from 'zod';
import { classificationSchema } from '../webhooks/classification.ts';
import { webhookExampleSchema } from '../webhooks/examples.ts';
import {
  MAX_BODY_BASE64_CHARS,
  MAX_BODY_TEXT_CHARS,
  MAX_SECRET_CHARS,
  MAX_SIGNATURE_HEADER_CHARS,
  MAX_URL_CHARS,
} from '../webhooks/limits.ts';
import { signedRequestSchema } from '../webhooks/signing.ts';
import { verificationSchema } from '../webhooks/verification.ts';
import { operation } from './define.ts';
import { confirmationFields } from './guard.ts';

const lengthOf = (input: unknown) => (typeof input === 'string' ? input.length.toLocaleString('en') : '?');
const EMPTY_BODY = 'The body is empty: paste the raw request body exactly as received, or drop the file.';

/** The raw body: pasted text (signed as its UTF-8 bytes) or a dropped file's exact bytes in base64. */
export const webhookBodySchema = z.union([
  z.strictObject({
    text: z
      .string()
      .min(1, EMPTY_BODY)
      .max(MAX_BODY_TEXT_CHARS, {
        error: (issue) =>
          `The body is ${lengthOf(issue.input)} characters; the debugger accepts bodies up to 1 MiB (1,048,576 bytes).`,
      }),
  }),
  z.strictObject({
    base64: z
      .string()
      .min(1, EMPTY_BODY)
      .max(MAX_BODY_BASE64_CHARS, {
        error: (issue) =>
          `The file is larger than 1 MiB (${lengthOf(issue.input)} base64 characters); the debugger accepts bodies up to 1,048,576 bytes.`,
      })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file contents must be standard base64.'),
  }),
]);
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** A pasted secret is used for this one call and never stored or logged. Whitespace in it is kept: it is evidence. */
export const pastedSecretSchema = z.strictObject({
  kind: z.literal('pasted'),
  value: z
    .string()
    .min(1, 'Paste the webhook secret, or pick a profile.')
    .max(MAX_SECRET_CHARS, `A webhook secret is at most ${MAX_SECRET_CHARS} characters.`),
});
const profileIdSchema = z.string().min(1).max(128);

/** A pasted secret, or a profile's, which is read from the keychain in main and never leaves it. */
export const webhookSecretChoiceSchema = z.discriminatedUnion('kind', [
  pastedSecretSchema,
  z.strictObject({ kind: z.literal('profile'), profileId: profileIdSchema }),
]);
export type WebhookSecretChoice = z.infer<typeof webhookSecretChoiceSchema>;

export const verifyWebhookInputSchema = z.strictObject({
  body: webhookBodySchema,
  /** The X-Verify value as received; null or absent when the request had none. */
  signatureHeader: z
    .string()
    .max(MAX_SIGNATURE_HEADER_CHARS, {
      error: (issue) =>
        `The X-Verify value is ${lengthOf(issue.input)} characters; a real one is 44 and the debugger accepts up to ${MAX_SIGNATURE_HEADER_CHARS}.`,
    })
    .nullable()
    .optional(),
  secret: webhookSecretChoiceSchema,
});
export type VerifyWebhookInput = z.infer<typeof verifyWebhookInputSchema>;

const targetUrlSchema = z
  .url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL for your webhook endpoint.' })
  .max(MAX_URL_CHARS)
  .optional();

/** Signing with a pasted secret: the console never held that secret, so nothing is guarded or audited. */
export const signWebhookInputSchema = z.strictObject({
  body: webhookBodySchema,
  secret: pastedSecretSchema,
  /** The partner's endpoint the curl command posts to. */
  url: targetUrlSchema,
});
export type SignWebhookInput = z.infer<typeof signWebhookInputSchema>;

/**
 * Signing with a profile's stored secret forges a webhook only Hubble should be able to send: the profile is
 * named as `profileId` so the production guard finds it (guarded-target.ts), and every signing is audited.
 */
export const signWebhookWithProfileInputSchema = z.strictObject({
  body: webhookBodySchema,
  profileId: profileIdSchema,
  url: targetUrlSchema,
  ...confirmationFields,
});
export type SignWebhookWithProfileInput = z.infer<typeof signWebhookWithProfileInputSchema>;

export const webhooksOperations = {
  verify: operation({
    summary:
      "Verify X-Verify on the exact body bytes (constant-time) and, when it fails, explain why; never returns a signature made with a production profile's stored secret",
    input: verifyWebhookInputSchema,
    output: verificationSchema,
  }),
  classify: operation({
    summary: 'Which Hubble webhook a body is (by shape), how sure, its field-level validation and handling advice',
    input: z.strictObject({ body: webhookBodySchema }),
    output: classificationSchema,
  }),
  examples: operation({
    summary: "Every webhook payload from Hubble's docs, signed with the built-in Simulator profile's secret",
    input: z.undefined(),
    output: z.object({ examples: z.array(webhookExampleSchema) }),
  }),
  sign: operation({
    summary:
      'A correctly signed request for a body with a pasted secret (curl and raw headers); returns the signature, never the secret',
    input: signWebhookInputSchema,
    output: signedRequestSchema,
  }),
  signWithProfile: operation({
    summary:
      "A correctly signed request for a body with a profile's stored secret; audited, and on production only with a typed confirmation",
    input: signWebhookWithProfileInputSchema,
    output: signedRequestSchema,
    confirmOnProduction: true,
  }),
};

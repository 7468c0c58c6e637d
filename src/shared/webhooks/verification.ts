import { z } from 'zod';
import { byteDiffSchema } from './byte-diff.ts';
import { findingSchema } from './findings.ts';

export const verificationSchema = z.object({
  verdict: z.enum(['valid', 'invalid']),
  bodyBytes: z.number().int(),
  headerPresent: z.boolean(),
  /** Which secret was used, by name only: the secret itself never leaves main. */
  secretLabel: z.string(),
  /**
   * base64(HMAC-SHA256(secret, exact body bytes)): what Hubble would send as X-Verify for this body. Null when
   * the secret is a production profile's stored secret: verify is not a signing oracle (docs/webhooks.md §6).
   */
  expectedSignature: z.string().nullable(),
  findings: z.array(findingSchema),
  diff: byteDiffSchema.nullable(),
  /** What the diagnosis tried, for the "nothing explains it" case and for trust in the verdict. */
  checked: z.array(z.string()),
});
export type Verification = z.infer<typeof verificationSchema>;

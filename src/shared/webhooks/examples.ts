import { z } from 'zod';
import { webhookFamilySchema, webhookTypeIdSchema } from './webhook-types.ts';

export const webhookExampleSchema = z.object({
  id: z.string(),
  type: webhookTypeIdSchema,
  label: z.string(),
  family: webhookFamilySchema,
  source: z.string(),
  /** The seed payload as text; card numbers and PINs masked. */
  body: z.string(),
  /** X-Verify of `body` under the built-in Simulator profile's webhook secret, when that secret is known. */
  signature: z.string().nullable(),
  signedWithProfileId: z.string().nullable(),
});
export type WebhookExample = z.infer<typeof webhookExampleSchema>;

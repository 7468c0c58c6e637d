import { z } from 'zod';
import { evidenceSchema } from './findings.ts';
import { webhookFamilySchema, webhookTypeIdSchema } from './webhook-types.ts';

export const confidenceSchema = z.enum(['certain', 'high', 'medium', 'low', 'none']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** What the payload is, how sure we are, whether it matches its schema, and what to do with it. */
export const classificationSchema = z.object({
  json: z.enum(['object', 'not-object', 'invalid']),
  parseError: z.string().nullable(),
  type: webhookTypeIdSchema.nullable(),
  label: z.string().nullable(),
  family: webhookFamilySchema.nullable(),
  confidence: confidenceSchema,
  /** How much of the type's characteristic shape is present, 0–1. */
  score: z.number(),
  reason: z.string(),
  alternatives: z.array(z.object({ type: webhookTypeIdSchema, label: z.string(), score: z.number() })),
  valid: z.boolean(),
  issues: z.array(fieldIssueSchema),
  unknownFields: z.array(z.string()),
  notes: z.array(z.string()),
  advice: z.array(z.string()),
  /** Top-level values for orientation; card numbers and PINs masked. */
  facts: z.array(evidenceSchema),
});
export type Classification = z.infer<typeof classificationSchema>;

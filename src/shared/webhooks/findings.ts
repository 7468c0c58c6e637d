import { z } from 'zod';

/** Stable codes of what the signature debugger can explain; tests, docs and the UI key on them. */
export const findingCodeSchema = z.enum([
  'HEADER_MISSING',
  'SIGNATURE_MALFORMED',
  'SIGNATURE_HEX',
  'SIGNATURE_BASE64URL',
  'SIGNATURE_UNPADDED',
  'SIGNATURE_BASE64_OF_HEX',
  'SIGNATURE_PREFIX',
  'BODY_RESERIALISED',
  'PARSED_JSON',
  'TRAILING_NEWLINE',
  'CRLF',
  'BOM',
  'SECRET_WHITESPACE',
  'SECRET_HEX_DECODED',
  'SECRET_BASE64_DECODED',
  'OTHER_PROFILE_SECRET',
  'NO_EXPLANATION',
]);
export type FindingCode = z.infer<typeof findingCodeSchema>;

export const evidenceSchema = z.object({ label: z.string(), value: z.string() });
export type Evidence = z.infer<typeof evidenceSchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  title: z.string(),
  message: z.string(),
  evidence: z.array(evidenceSchema),
  fix: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

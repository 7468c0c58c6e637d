import { z } from 'zod';

export const signedRequestSchema = z.object({
  signature: z.string(),
  headerLine: z.string(),
  /** The request as raw HTTP/1.1 headers (the body follows the blank line; it is not repeated here). */
  rawHeaders: z.string(),
  curl: z.string(),
  /** `inline`: the body is in the curl command; `file`: the curl reads it from the file named in `bodyFileName`. */
  curlBody: z.enum(['inline', 'file']),
  bodyFileName: z.string().nullable(),
  bodyBytes: z.number().int(),
  notes: z.array(z.string()),
});
export type SignedRequest = z.infer<typeof signedRequestSchema>;

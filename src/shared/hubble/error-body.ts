import { z } from 'zod';

/**
 * Hubble's error body. An `id` or a `code` is enough to call it a Hubble error: the E300 and E400 examples
 * omit `debugMessage` and `subErrors`, the E400 example even omits `requestId`, and the auth page names only
 * the code `RESOURCE_NOT_FOUND`.
 */
export const errorBodySchema = z
  .looseObject({
    id: z.string().min(1).nullish(),
    code: z.string().nullish(),
    message: z.string().nullish(),
    requestId: z.string().nullish(),
    debugMessage: z.string().nullish(),
    subErrors: z
      .array(
        z.looseObject({
          fieldName: z.string().nullish(),
          message: z.string().nullish(),
          debugMessage: z.string().nullish(),
        }),
      )
      .nullish(),
  })
  .refine((body) => Boolean(body.id || body.code), { message: 'an error body names an id or a code' });
export type ErrorBody = z.infer<typeof errorBodySchema>;

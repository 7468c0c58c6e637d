import { z } from 'zod';
import { lifetimeSchema } from './lenient-values.ts';

/** `POST /v1/partners/auth/login` → `{token, expiresInSecs}`; unknown fields are kept. */
export const tokenResponseSchema = z.looseObject({
  token: z.string().min(1),
  expiresInSecs: lifetimeSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

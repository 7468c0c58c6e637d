import { z } from 'zod';

/** Every failure the renderer can see, by kind. Hubble-specific detail lives in `details`. */
export const errorKindSchema = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'CONFIRMATION_REQUIRED',
  'KEYCHAIN_UNAVAILABLE',
  'HUBBLE',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type ErrorKind = z.infer<typeof errorKindSchema>;

export const appErrorSchema = z.object({
  kind: errorKindSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (kind: ErrorKind, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { kind, message } : { kind, message, details },
});

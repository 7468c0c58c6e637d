import type { z } from 'zod';

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A tolerant reader of one response shape: a zod schema plus an optional normalisation step. */
export type ResponseParser<T> = (json: unknown) => ParseOutcome<T>;

export const summarizeIssues = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');

export function parserOf<S extends z.ZodType, T = z.output<S>>(
  schema: S,
  then?: (parsed: z.output<S>) => T,
): ResponseParser<T> {
  return (json) => {
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, problem: `schema mismatch: ${summarizeIssues(parsed.error)}` };
    return { ok: true, value: then ? then(parsed.data) : (parsed.data as T) };
  };
}

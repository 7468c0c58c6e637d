import { z } from 'zod';

/**
 * A diff between the body as given and the form whose signature verifies. Segments are in order; long equal
 * runs keep their ends and report how many bytes were left out, so a 1 MiB body never floods the renderer.
 */
export const diffSegmentSchema = z.object({
  op: z.enum(['equal', 'removed', 'added']),
  text: z.string(),
  bytes: z.number().int(),
  /** Bytes of a long run, equal or changed, left out of `text` (shown as "…N bytes…"); its ends are kept. */
  elidedBytes: z.number().int(),
  /** The segment's bytes in hex, for short changed segments (a BOM, a CR, an escape). */
  hex: z.string().nullable(),
});
export type DiffSegment = z.infer<typeof diffSegmentSchema>;

export const byteDiffSchema = z.object({
  leftLabel: z.string(),
  rightLabel: z.string(),
  leftBytes: z.number().int(),
  rightBytes: z.number().int(),
  /** Byte offset in the left body of the first difference. */
  firstDifferenceAt: z.number().int().nullable(),
  removedBytes: z.number().int(),
  addedBytes: z.number().int(),
  segments: z.array(diffSegmentSchema),
  /** True when the diff was too large to align exactly and is shown as one changed block. */
  approximate: z.boolean(),
  truncated: z.boolean(),
});
export type ByteDiff = z.infer<typeof byteDiffSchema>;

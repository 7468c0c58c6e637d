import { z } from 'zod';
import { brandSchema, type Brand } from './brand.ts';
import { lenientNumberSchema } from './lenient-values.ts';

/** V1 shows `{pageNo, limit}`; some clients treat it as an opaque string; the last page is null or absent. */
export const nextCursorSchema = z
  .union([
    z.looseObject({ pageNo: lenientNumberSchema.nullish(), limit: lenientNumberSchema.nullish() }),
    z.string(),
    z.null(),
  ])
  .optional()
  .transform((value) => value ?? null);
export type NextCursor = z.infer<typeof nextCursorSchema>;

/** The envelope `{data, nextCursor}`; a bare array is accepted as the whole list. */
export const brandListEnvelopeSchema = z.union([
  z.looseObject({ data: z.array(z.unknown()), nextCursor: nextCursorSchema }),
  z.array(z.unknown()).transform((data) => ({ data, nextCursor: null as NextCursor })),
]);

export interface BrandList {
  brands: Brand[];
  nextCursor: NextCursor;
  /** entries that were not brands; kept out of `brands` so one odd entry never hides the catalogue */
  rejected: { index: number; problem: string }[];
}

export function readBrandList(envelope: z.infer<typeof brandListEnvelopeSchema>): BrandList {
  const brands: Brand[] = [];
  const rejected: BrandList['rejected'] = [];
  envelope.data.forEach((entry, index) => {
    const parsed = brandSchema.safeParse(entry);
    if (parsed.success) brands.push(parsed.data);
    else
      rejected.push({
        index,
        problem: parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`)
          .join('; '),
      });
  });
  return { brands, nextCursor: envelope.nextCursor, rejected };
}

import { z } from 'zod';

/** Every error the server sends: a single human-readable message. */
// `errors` ([message]) is sent beside `message` for the publisher's PHP SDK, which shows only that list.
export const errorSchema = z.object({ message: z.string(), errors: z.array(z.string()).optional() });
export type ApiErrorBody = z.infer<typeof errorSchema>;

export const uuidSchema = z.string().uuid();

/** The paging envelope of the document's listing endpoints (search, artists, genres, tags). */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    page: z.number().int().min(0),
    perPage: z.number().int().min(1).max(50),
    pageCount: z.number().int().min(0),
    count: z.number().int().min(0),
    items: z.array(item),
  });
}

/** `limit` (default 50, at most 50) and `pg` (page, from 0) of the listing endpoints. */
export const pagingQuerySchema = z.object({
  limit: z.coerce
    .number({ message: 'limit must be a whole number from 1 to 50' })
    .int('limit must be a whole number from 1 to 50')
    .min(1, 'limit must be a whole number from 1 to 50')
    .optional(),
  pg: z.coerce
    .number({ message: 'pg must be a whole number from 0' })
    .int('pg must be a whole number from 0')
    .min(0, 'pg must be a whole number from 0')
    .max(1_000_000, 'pg is too large')
    .optional(),
});

export const MAX_PER_PAGE = 50;

/** Credits travel as floats for display and as satoshi-like integers (× 10^8) for exactness. */
export const SAT_PER_CREDIT = 100_000_000;

/** PHP's json_encode writes an empty array as [], never {}: an object body may arrive as [] from the publisher's SDK. */
export const emptyListAsObject = (v: unknown) => (Array.isArray(v) && v.length === 0 ? {} : v);

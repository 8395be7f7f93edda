import { z } from 'zod';
import { isTimeZone } from './time.ts';

/** Ids are opaque strings (UUIDs), stable across export and import. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');

/** A calendar date, YYYY-MM-DD, that exists. */
export const IsoDate = z.iso.date();

/** An instant with an offset, e.g. 2025-04-05T09:30:00+05:00 or ...Z. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A venue's time zone, by IANA name. */
export const TimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Karachi or America/New_York');

/** Free text that must say something. */
export const Text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
export const OptionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).default('');

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' });
/**
 * A link a user gives (evidence, an organisation's website): http or https only, so it can never
 * become a javascript:, data: or file: link where it is shown (renderers check again: links.ts).
 */
export const HttpUrl = (max: number) => httpUrl.max(max, `must be at most ${max} characters`);

/** Query parameters of every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Every list answer: the items of one page and the total. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** RFC 9457 problem details, with the offending fields named. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const IdParams = z.object({ id: Id });

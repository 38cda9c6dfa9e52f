import { SAT_PER_CREDIT } from '@contract/common.js';

/** The document's date format: 2016-03-26T20:31:12+0000 (UTC). */
export function docDate(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.toISOString().slice(0, 19)}+0000`;
}

export const satToFloat = (sat: number) => sat / SAT_PER_CREDIT;

/** An absolute URL to a file of the media store, or null when there is none. */
export function mediaUrl(origin: string, kind: 'artwork' | 'pictures', file: string | null): string | null {
  return file ? `${origin}/media/${kind}/${encodeURIComponent(file)}` : null;
}

export interface Paging {
  limit: number;
  page: number;
}

export function paging(q: { limit?: number | undefined; pg?: number | undefined }): Paging {
  return { limit: Math.min(q.limit ?? 50, 50), page: q.pg ?? 0 };
}

export function pageEnvelope<T>(p: Paging, count: number, items: T[]) {
  return { page: p.page, perPage: p.limit, pageCount: Math.ceil(count / p.limit), count, items };
}

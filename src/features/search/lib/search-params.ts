/** The search as it lives in the URL (?name=&artist=&genre=&tag=&token=&operator=AND&pg=), so it can be shared. */
export const FILTERS = ['name', 'artist', 'genre', 'tag', 'token'] as const;
export type Filter = (typeof FILTERS)[number];
export type Operator = 'AND' | 'OR';

export interface SearchCriteria {
  filters: Record<Filter, string>;
  operator: Operator;
  page: number;
}

const TOKEN_RE = /^[A-Z0-9.]{1,40}$/i;

export function emptyFilters(): Record<Filter, string> {
  return { name: '', artist: '', genre: '', tag: '', token: '' };
}

export function parseSearch(params: URLSearchParams): SearchCriteria {
  const filters = emptyFilters();
  for (const f of FILTERS) filters[f] = (params.get(f) ?? '').trim().slice(0, 200);
  const operator = params.get('operator')?.toUpperCase() === 'AND' ? 'AND' : 'OR';
  const pg = Number(params.get('pg'));
  const page = Number.isInteger(pg) && pg > 0 ? Math.min(pg, 1_000_000) : 0;
  return { filters, operator, page };
}

/** The URL form: empty filters, the default operator (OR) and page 0 are left out. */
export function toSearchParams(c: SearchCriteria): URLSearchParams {
  const out = new URLSearchParams();
  for (const f of FILTERS) if (c.filters[f].trim()) out.set(f, c.filters[f].trim());
  if (c.operator === 'AND') out.set('operator', 'AND');
  if (c.page > 0) out.set('pg', String(c.page));
  return out;
}

/** The search page for one filter's value: where a genre, tag or artist link goes. */
export function searchHref(filter: Filter, value: string): string {
  return `/search?${new URLSearchParams({ [filter]: value }).toString()}`;
}

/** The filters in use, in words ("genre Jazz or tag piano"), for the closed filter form. */
export function describeFilters(c: SearchCriteria): string {
  return FILTERS.filter((f) => c.filters[f] !== '')
    .map((f) => `${f} ${c.filters[f]}`)
    .join(c.operator === 'AND' ? ' and ' : ' or ');
}

export function hasFilters(c: SearchCriteria): boolean {
  return FILTERS.some((f) => c.filters[f] !== '');
}

/** The query the API takes: only the filters given, and the operator when there is a choice. */
export function toApiQuery(c: SearchCriteria): Record<string, string | number> {
  const q: Record<string, string | number> = {};
  for (const f of FILTERS) if (c.filters[f]) q[f] = c.filters[f];
  q.operator = c.operator;
  if (c.page > 0) q.pg = c.page;
  return q;
}

/** Checks the server would refuse, shown next to the field before asking it. */
export function validateFilters(filters: Record<Filter, string>): Partial<Record<Filter, string>> {
  const token = filters.token.trim();
  if (token && !TOKEN_RE.test(token)) return { token: 'A token name is letters, digits and dots, like MYTOKEN' };
  return {};
}

import { describe, expect, it } from 'vitest';
import {
  describeFilters,
  hasFilters,
  parseSearch,
  searchHref,
  toApiQuery,
  toSearchParams,
  validateFilters,
} from './search-params';

describe('search params', () => {
  it('round-trips a shared search through the URL', () => {
    const url = new URLSearchParams('artist=Mr.%20Chips&genre=Rock&operator=and&pg=2');
    const c = parseSearch(url);
    expect(c).toEqual({
      filters: { name: '', artist: 'Mr. Chips', genre: 'Rock', tag: '', token: '' },
      operator: 'AND',
      page: 2,
    });
    expect(toSearchParams(c).toString()).toBe('artist=Mr.+Chips&genre=Rock&operator=AND&pg=2');
    expect(parseSearch(toSearchParams(c))).toEqual(c);
  });

  it('defaults to OR and page 0, and ignores junk', () => {
    const c = parseSearch(new URLSearchParams('operator=xor&pg=-3&name=%20%20'));
    expect(c.operator).toBe('OR');
    expect(c.page).toBe(0);
    expect(hasFilters(c)).toBe(false);
    expect(toSearchParams(c).toString()).toBe('');
  });

  it('builds the API query with the operator', () => {
    expect(toApiQuery(parseSearch(new URLSearchParams('tag=rock')))).toEqual({ tag: 'rock', operator: 'OR' });
  });

  it('checks token names like the server does', () => {
    expect(validateFilters({ name: '', artist: '', genre: '', tag: '', token: 'NOT A TOKEN' }).token).toBeTruthy();
    expect(validateFilters({ name: '', artist: '', genre: '', tag: '', token: 'LITTLECOLOR' })).toEqual({});
  });

  it('says in words which filters a search uses, joined by its operator', () => {
    expect(describeFilters(parseSearch(new URLSearchParams('genre=Jazz&tag=piano')))).toBe('genre Jazz or tag piano');
    expect(describeFilters(parseSearch(new URLSearchParams('artist=Mr.+Chips&token=LTBCOIN&operator=AND')))).toBe(
      'artist Mr. Chips and token LTBCOIN',
    );
  });

  it('links one filter value to the search page, escaped', () => {
    const href = searchHref('genre', 'R&B / Soul');
    expect(href).toBe('/search?genre=R%26B+%2F+Soul');
    expect(parseSearch(new URLSearchParams(href.split('?')[1])).filters.genre).toBe('R&B / Soul');
  });
});

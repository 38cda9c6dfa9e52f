import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShare, shareFragment, shareUrl, MAX_SHARED_SONGS } from './share-link';

describe('shared playlist links', () => {
  it('carries the name and the song ids, in order, through the link', () => {
    const p = { name: 'Road trip & more #1 / 🎵', ids: ['a', 'b,c', 'a', '%zz'] };
    const url = new URL(shareUrl('https://music.example', p));
    expect(url.pathname).toBe('/shared-playlist');
    expect(parseShare(url.hash)).toEqual({ ok: true, playlist: p });
  });

  it('round-trips any valid playlist (property)', () => {
    // eslint-disable-next-line no-control-regex -- the characters names may not hold
    const control = /[\u0000-\u001f\u007f]/;
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() === s && !control.test(s) && !['__proto__', '.', '..'].includes(s));
    const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => !control.test(s));
    fc.assert(
      fc.property(name, fc.array(id, { maxLength: 20 }), (n, ids) => {
        fc.pre(n.length <= 100 && ids.every((x) => x.length <= 64));
        expect(parseShare(`#${shareFragment({ name: n, ids })}`)).toEqual({ ok: true, playlist: { name: n, ids } });
      }),
    );
  });

  it.each([
    ['', /no playlist/],
    ['#', /no playlist/],
    ['#s=a', /exactly one/],
    ['#name=a&name=b', /exactly one/],
    ['#name=%20padded%20', /not valid/],
    ['#name=__proto__', /not valid/],
    ['#name=ok&s=', /song ids/],
    [`#name=ok&s=${'x'.repeat(65)}`, /song ids/],
    ['#name=ok&s=%00', /song ids/],
    [`#name=ok${'&s=a'.repeat(MAX_SHARED_SONGS + 1)}`, /more than/],
    [`#name=${'x'.repeat(70_000)}`, /too long/],
    ['#%E0%A4%A', /exactly one/],
  ])('refuses %s with a clear message', (fragment, why) => {
    const parsed = parseShare(fragment);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(why);
  });
});

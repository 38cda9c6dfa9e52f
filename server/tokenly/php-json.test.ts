import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phpJsonForceObject } from './php-json.js';

/** PHP's plain json_encode (how the SDK sends a body): lists stay lists, "/" is escaped, non-ASCII as \uXXXX. */
const phpPlain = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => (c === '\u007f' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** What FORCE_OBJECT means structurally: every list is an object keyed "0", "1", … */
const forceObject = (v: unknown): unknown =>
  Array.isArray(v)
    ? Object.fromEntries(v.map((x, i) => [String(i), forceObject(x)]))
    : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forceObject(x)]))
      : v;

// Text as PHP holds it (UTF-8): slashes, accents, emoji (surrogate pairs in JSON), quotes, control characters.
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('/', 'é', 'ü', '€', '🎵', '😀', '"', '\\', '\n', '\t', '\u0001', '\u007f', 'a', ' ', '<', '&'),
    fc.string({ unit: 'grapheme', maxLength: 1 }),
  ),
  maxLength: 12,
});
// Keys start with a letter: PHP keeps "2" after "b" where a JS object would put it first.
const key = text.map((s) => `k${s}`);
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(key, tie('any'), { maxKeys: 4 }),
  ),
})).any;

describe("PHP's json_encode with JSON_UNESCAPED_SLASHES | JSON_FORCE_OBJECT", () => {
  it.each([
    [['a', 'b'], '{"0":"a","1":"b"}'],
    [[], '{}'],
    [{ tokens: [] }, '{"tokens":{}}'],
    [{ bio: 'AC/DC café' }, '{"bio":"AC/DC caf\\u00e9"}'],
    [{ s: '🎵' }, '{"s":"\\ud83c\\udfb5"}'],
    [{ Mix: [{ id: 's1' }, { id: 's2' }], Empty: [] }, '{"Mix":{"0":{"id":"s1"},"1":{"id":"s2"}},"Empty":{}}'],
    [{ n: [[1, [2]], []] }, '{"n":{"0":{"0":1,"1":{"0":2}},"1":{}}}'],
    [{ q: 'say "hi"\\\n' }, '{"q":"say \\"hi\\"\\\\\\n"}'],
  ])('writes %j as PHP does', (v, php) => expect(phpJsonForceObject(v)).toBe(php));

  it('round-trips: re-encoding what PHP sent (in its plain form) gives exactly what it signed', () => {
    fc.assert(
      fc.property(value, (v) => {
        const signed = phpJsonForceObject(v);
        // The body as sent, parsed by the server, re-encoded: the same text the SDK signed.
        expect(phpJsonForceObject(JSON.parse(phpPlain(v)))).toBe(signed);
        // And the re-encoding of the signed form itself is stable.
        expect(phpJsonForceObject(JSON.parse(signed))).toBe(signed);
        // It means the same thing: lists as objects keyed by position.
        expect(JSON.parse(signed)).toEqual(forceObject(v));
        // ASCII only, slashes unescaped, escapes in lowercase hex.
        expect(signed).toMatch(/^[\x20-\x7f]*$/);
        expect(signed).not.toMatch(/(^|[^\\])(\\\\)*\\\//); // no "\/" escape (an odd run of backslashes before "/")
        expect(signed).not.toMatch(/\\u[0-9a-f]{0,3}[A-F]/);
      }),
      { numRuns: 500 },
    );
  });
});

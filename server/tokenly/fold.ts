/**
 * Accent- and case-folding, the same in SQL and in JavaScript: the SQL expression is the one the
 * suggestion indexes of migrations 008 and 010 are built on (keep both in step), and `fold` turns what was
 * typed into the same alphabet.
 */
const FROM = 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż';
const TO = 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz';

export const foldSql = (column: string) => `translate(lower(${column}), '${FROM}', '${TO}')`;

const MAP = new Map([...FROM].map((c, i) => [c, TO[i]!]));

export function fold(text: string): string {
  return [...text.toLowerCase()].map((c) => MAP.get(c) ?? c).join('');
}

/** The words of a query, folded: letters and digits only, so nothing reaches tsquery syntax. */
export function foldedWords(text: string): string[] {
  return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
}

/** The smallest string greater than every string starting with `prefix` (bytewise, as text_pattern_ops). */
export function prefixEnd(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

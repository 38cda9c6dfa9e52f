import crypto from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform random string over [A-Za-z0-9] (rejection sampling, no modulo bias). */
export function randomAlnum(length: number, alphabet = ALPHABET): string {
  let out = '';
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Shaped like the document's examples: "T" + 15 characters and "K" + 40 characters. */
export const newApiToken = () => `T${randomAlnum(15)}`;
export const newApiSecret = () => `K${randomAlnum(40)}`;

export const sha256Hex = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

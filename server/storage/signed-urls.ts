import crypto from 'node:crypto';

/** stream/download: a song's file; upload: PUT the bytes of an artist's upload; source: read them back. */
export type SignedKind = 'stream' | 'download' | 'upload' | 'source';

/** `issued` (ms): stream and download links carry when they were made, so that a logout can end them. */
function mac(secret: string, kind: SignedKind, songId: string, userId: string, exp: number, issued?: string): string {
  const text = `${kind}\n${songId}\n${userId}\n${exp}${issued === undefined ? '' : `\n${issued}`}`;
  return crypto.createHmac('sha256', secret).update(text).digest('base64url');
}

/** A URL to one song's file for one user until `exp` (Unix seconds); the secret stays on the server. */
export function signMediaUrl(
  origin: string,
  secret: string,
  kind: SignedKind,
  songId: string,
  userId: string,
  exp: number,
) {
  const i = String(Date.now());
  return `${origin}/media/${kind}/${songId}?u=${userId}&e=${exp}&i=${i}&s=${mac(secret, kind, songId, userId, exp, i)}`;
}

export type SignedCheck = { ok: true; userId: string; exp: number; issuedMs?: number } | { ok: false; reason: string };

export function verifyMediaUrl(
  secret: string,
  kind: SignedKind,
  songId: string,
  q: { u?: string | undefined; e?: string | undefined; s?: string | undefined; i?: string | undefined },
  nowSec = Math.floor(Date.now() / 1000),
): SignedCheck {
  if (!q.u || !q.e || !q.s || !/^\d{1,12}$/.test(q.e)) return { ok: false, reason: 'This link is incomplete' };
  if (q.i !== undefined && !/^\d{1,15}$/.test(q.i)) return { ok: false, reason: 'This link is incomplete' };
  const exp = Number(q.e);
  const expected = Buffer.from(mac(secret, kind, songId, q.u, exp, q.i));
  const given = Buffer.from(q.s);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'This link is not valid' };
  }
  if (exp < nowSec) return { ok: false, reason: 'This link has expired: ask for a new one' };
  return { ok: true, userId: q.u, exp, ...(q.i === undefined ? {} : { issuedMs: Number(q.i) }) };
}

/** An upload's URL: PUT its bytes (`upload`) or read them back (`source`), for one user until `exp`. */
export function signUploadUrl(
  origin: string,
  secret: string,
  kind: 'upload' | 'source',
  uploadId: string,
  userId: string,
  exp: number,
) {
  return `${origin}/media/uploads/${uploadId}?u=${userId}&e=${exp}&s=${mac(secret, kind, uploadId, userId, exp)}`;
}

import type { SignBody } from '@contract/encoding.js';
import type { Queryable } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { parseMediaUrl } from '../storage/media-urls.js';
import { verifyMediaUrl } from '../storage/signed-urls.js';
import { uploadById } from './uploads-repo.js';
import { ownsEncodingQuery, type ArtistProfile } from './encodings-repo.js';

const unprocessable = (m: string) => new HttpError(422, m);

/**
 * What the server agrees to sign for a logged-in artist, so that a token made with the app's
 * secret can only ever ask to encode the artist's own upload under their own name, or ask about
 * their own jobs. Answers the exact `arg` to sign.
 */
export async function argToSign(
  db: Queryable,
  user: { id: string },
  artist: ArtistProfile,
  body: SignBody,
  origin: string,
  mediaSecret: string,
): Promise<Record<string, string>> {
  const extra = Object.keys(body.arg).filter(
    (k) => !(body.url === '/v3/sl/encoding' ? ['src', 'artist'] : ['query']).includes(k),
  );
  if (extra.length > 0) throw unprocessable(`arg has parameters ${body.url} does not take: ${extra.join(', ')}`);

  if (body.url === '/v3/sl/query') {
    const query = body.arg.query;
    if (typeof query !== 'string' || query === '') throw unprocessable('arg.query (the query credential) is required');
    if (!(await ownsEncodingQuery(db, user.id, query)))
      throw new HttpError(403, 'arg.query is not the credential of one of your jobs');
    return { query };
  }

  const { src, artist: name } = body.arg;
  if (name !== undefined && name !== artist.name) {
    throw new HttpError(403, `arg.artist must be your artist name, "${artist.name}"`);
  }
  if (typeof src !== 'string' || src === '') throw unprocessable('arg.src (the link of the song) is required');
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    throw unprocessable('arg.src is not a valid URL');
  }
  const link = parseMediaUrl(url);
  const m = link?.kind === 'uploads' ? link : undefined;
  const check = m ? verifyMediaUrl(mediaSecret, 'source', m.id, m.query) : undefined;
  if (url.origin !== origin || !m || !check?.ok || check.userId !== user.id) {
    throw new HttpError(403, 'arg.src must be the link of one of your own uploads on this server');
  }
  const upload = await uploadById(db, m.id);
  if (!upload || upload.user_id !== user.id || upload.purpose !== 'encode' || !upload.stored_at) {
    throw new HttpError(403, 'arg.src must be the link of one of your own uploads on this server');
  }
  return { src, artist: artist.name };
}

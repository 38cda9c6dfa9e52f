import path from 'node:path';
import { signedMediaQuerySchema, songIdParamsSchema } from '@contract/params.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import type { RouteOptions } from '../tokenly/context.js';
import { hasLiveGrant } from '../tokenly/stream-repo.js';
import { mediaDirs, safeName, sendFile } from './files.js';
import { downloadFiles } from './download-tags.js';
import { linkNotRevoked, mayDownload, songMedia } from './media-access-repo.js';
import { verifyMediaUrl, type SignedKind } from './signed-urls.js';

/**
 * Audio is served only through signed URLs: a stream URL needs a live grant of its user for that
 * song, a download URL the holding it was issued for. Both support ranges, for seeking.
 */
export async function grantedMediaRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, mediaSecret: secret } = ctx;
  const audioDir = mediaDirs(ctx.config.dataDir).audio;
  for (const kind of ['stream', 'download'] as SignedKind[]) {
    app.route({
      method: ['GET', 'HEAD'],
      url: `/media/${kind}/:songId`,
      schema: { params: songIdParamsSchema, querystring: signedMediaQuerySchema },
      // Signed query strings are credentials of a sort: keep them out of the request log.
      logLevel: 'warn',
      handler: async (req, reply) => {
        const { songId } = req.params;
        const check = verifyMediaUrl(secret, kind, songId, req.query);
        if (!check.ok) throw new HttpError(403, check.reason);
        if (kind === 'stream' && !(await hasLiveGrant(db, check.userId, songId))) {
          throw new HttpError(403, 'This listen is no longer authorized: authorize the stream again');
        }
        // A link made before its user logged out everywhere is over; a download needs the holding or the purchase still.
        if (check.issuedMs === undefined || !(await linkNotRevoked(db, check.userId, check.issuedMs))) {
          throw new HttpError(403, 'This link has been ended (its user logged out): ask for a new one');
        }
        if (kind === 'download' && !(await mayDownload(db, check.userId, songId))) {
          throw new HttpError(
            403,
            'This download is no longer authorized: you hold no token of this song and did not pay for it',
          );
        }
        const song = await songMedia(db, songId);
        if (!song?.audio_path) throw new HttpError(404, 'This song has no audio file');
        const maxAge = Math.max(0, check.exp - Math.floor(Date.now() / 1000));
        // A player stops reading while it has enough buffered: its authorized connection may stay quiet.
        req.raw.socket.setTimeout(0);
        // A download is the tagged copy (title, artist, album, artwork, rights: download-tags.ts).
        const file =
          kind === 'download'
            ? ((await downloadFiles(db, ctx.config.dataDir, [songId])).get(songId)?.file ?? '')
            : path.join(audioDir, safeName(song.audio_path));
        return sendFile(req, reply, file, {
          cacheControl: `private, max-age=${maxAge}`,
          contentType: song.audio_type,
          ...(kind === 'download' ? { downloadName: `${song.name}${path.extname(song.audio_path)}` } : {}),
        });
      },
    });
  }
}

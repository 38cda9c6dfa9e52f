import path from 'node:path';
import type { AppContext } from '../tokenly/context.js';
import { mediaDirs } from './files.js';
import { songMedia } from './media-access-repo.js';
import { parseMediaUrl } from './media-urls.js';
import { verifyMediaUrl } from './signed-urls.js';
import { ownUploadFile } from '../artist/upload-routes.js';

/**
 * The file behind a signed download or source link of this server, for the embedded fetcher: read
 * from disk, not fetched over the network. One of ours that is gone (a deleted upload) answers
 * 'gone', so the job fails: it is never fetched instead.
 */
export function ownMediaFile(ctx: AppContext) {
  const { db, mediaSecret } = ctx;
  const { dataDir } = ctx.config;
  return async (url: URL): Promise<string | 'gone' | undefined> => {
    const upload = await ownUploadFile(db, dataDir, mediaSecret, url);
    if (upload) return upload;
    const link = parseMediaUrl(url);
    if (link?.kind !== 'download' || !verifyMediaUrl(mediaSecret, 'download', link.id, link.query).ok) return undefined;
    const file = (await songMedia(db, link.id))?.audio_path;
    return file ? path.join(mediaDirs(dataDir).audio, path.basename(file)) : 'gone';
  };
}

import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { parseFile } from 'music-metadata';
import type { Config } from '../config.js';
import { HttpError, unprocessable, isClientError } from '../lib/errors.js';
import { fetchPublicSource } from '../soundlinks/fetch-source.js';
import { encodedDir } from '../soundlinks/routes.js';
import { contentTypeOf, mediaDirs } from '../storage/files.js';
import type { EncodingForRelease } from './tracks-repo.js';

export interface ReleasedAudio {
  encodingId: string;
  markId: string | null;
  /** name in the audio folder */
  file: string;
  size: number;
  type: string;
  durationSec: number;
}

const MAX_BYTES = 200 * 1024 * 1024;

/** A track may be released only from a completed encoding: anything else is a clear 422. */
export function checkReleasable(e: EncodingForRelease, trackName: string): void {
  if (e.status === 'failed') {
    throw unprocessable(`"${trackName}": its encoding failed (${e.message}); retry it or choose another encoding`);
  }
  if (e.status !== 'complete' || !e.result_url) {
    throw unprocessable(`"${trackName}": its encoding is not complete yet (${e.status}); release it once it is`);
  }
}

/**
 * Copies the marked result of an encoding into the catalog's audio folder under a name of its own:
 * listeners get the marked file, never the upload, and the copy outlives the artist's encoding list.
 * Duration, size and type are read from the file itself.
 */
export async function copyMarkedAudio(config: Config, e: EncodingForRelease, songId: string): Promise<ReleasedAudio> {
  const url = new URL(e.result_url!);
  const audioDir = mediaDirs(config.dataDir).audio;
  await fsp.mkdir(audioDir, { recursive: true });
  const ext = path.extname(url.pathname).toLowerCase() || '.mp3';
  const name = `${songId}-${crypto.randomBytes(4).toString('hex')}${/^\.\w{2,4}$/.test(ext) ? ext : '.mp3'}`;
  const dest = path.join(audioDir, name);
  const tmp = path.join(audioDir, `.${name}.tmp`);
  const local = /^\/media\/encoded\/([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(url.pathname);
  try {
    if (local && !config.soundlinksUrl) {
      await fsp.copyFile(path.join(encodedDir(config.dataDir), local[1]!), tmp);
    } else {
      await fsp.writeFile(tmp, await fetchPublicSource(e.result_url!, { maxBytes: MAX_BYTES, timeoutMs: 60_000 }));
    }
    const meta = await parseFile(tmp, { duration: true });
    const durationSec = meta.format.duration ?? 0;
    if (!(durationSec > 0)) throw unprocessable(`The encoded file of "${e.file_name}" has no audio we can read`);
    const size = (await fsp.stat(tmp)).size;
    await fsp.rename(tmp, dest);
    return { encodingId: e.id, markId: e.mark_id, file: name, size, type: contentTypeOf(dest), durationSec };
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    if (isClientError(err)) throw err;
    throw new HttpError(502, `The encoded file of "${e.file_name}" could not be read: try again`);
  }
}

export async function removeAudio(config: Config, files: (string | null)[]): Promise<void> {
  const dir = mediaDirs(config.dataDir).audio;
  await Promise.all(files.map((f) => (f ? fsp.rm(path.join(dir, path.basename(f)), { force: true }) : undefined)));
}

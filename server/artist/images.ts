import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { IMAGE_MAX_BYTES } from '@contract/release.js';
import { HttpError, isClientError } from '../lib/errors.js';

/** Square edges made of every artwork: player thumbnails, cards, album pages. */
export const ARTWORK_SIZES = [160, 600, 1200] as const;
/** The one the public API's artworkImage names (cards and pages). */
export const MAIN_SIZE = 600;

/** `<base>-<edge>.jpg`: the other sizes of a stored artwork are found from its main file's name. */
export function artworkSizes(mainFile: string | null): Record<string, string> {
  if (!mainFile) return {};
  const m = /^(.*)-\d+\.jpg$/.exec(mainFile);
  if (!m) return { [String(MAIN_SIZE)]: mainFile };
  return Object.fromEntries(ARTWORK_SIZES.map((edge) => [String(edge), `${m[1]}-${edge}.jpg`]));
}

/**
 * Checks that the bytes are an image (by content, not by name), then writes it cropped to a square
 * at each size as JPEG. Answers the main file's name. Any failure leaves no file behind.
 */
export async function storeSquareImage(base64: string, dir: string, prefix: string): Promise<string> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > IMAGE_MAX_BYTES) {
    throw new HttpError(413, `The image is too large: at most ${IMAGE_MAX_BYTES / 1024 / 1024} MB`);
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
  } catch {
    throw new HttpError(422, 'image is not a picture we can read: send a PNG, JPEG, WebP or GIF file');
  }
  if (!meta.width || !meta.height || !['png', 'jpeg', 'webp', 'gif'].includes(meta.format ?? '')) {
    throw new HttpError(422, 'image must be a PNG, JPEG, WebP or GIF file');
  }
  if (meta.width < 100 || meta.height < 100) {
    throw new HttpError(422, `image is too small (${meta.width}×${meta.height}): at least 100×100 pixels`);
  }
  await fsp.mkdir(dir, { recursive: true });
  const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const base = `${prefix}-${hash}`;
  const written: string[] = [];
  try {
    for (const edge of ARTWORK_SIZES) {
      const out = await sharp(bytes, { limitInputPixels: 50_000_000 })
        .rotate()
        .resize(edge, edge, { fit: 'cover', position: 'attention' })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85, mozjpeg: true })
        .toBuffer();
      const file = path.join(dir, `${base}-${edge}.jpg`);
      const tmp = path.join(dir, `.${base}-${edge}.jpg.tmp`);
      await fsp.writeFile(tmp, out);
      await fsp.rename(tmp, file);
      written.push(file);
    }
  } catch (err) {
    await Promise.all(written.map((f) => fsp.rm(f, { force: true })));
    if (isClientError(err)) throw err;
    throw new HttpError(422, 'image could not be converted: send a PNG, JPEG, WebP or GIF file');
  }
  return `${base}-${MAIN_SIZE}.jpg`;
}

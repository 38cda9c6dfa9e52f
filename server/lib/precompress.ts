import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|webmanifest|xml|ico)$/;

/**
 * Writes a .br (brotli, best) and a .gz (gzip, best) beside every compressible file of the build
 * that is at least 1 KB, so that the server sends the app's scripts compressed at no cost per
 * request. Source maps are skipped (they are not served). Returns the files compressed.
 */
export async function precompressDir(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const bytes = await fs.readFile(file);
    if (bytes.length < 1024) continue;
    const [br, gz] = await Promise.all([
      brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip(bytes, { level: 9 }),
    ]);
    if (br.length < bytes.length) await fs.writeFile(`${file}.br`, br);
    if (gz.length < bytes.length) await fs.writeFile(`${file}.gz`, gz);
    n++;
  }
  return n;
}

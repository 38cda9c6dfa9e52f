import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Test files for the decode limits (made with Debian's ffmpeg, which tests may use). */
const dir = mkdtempSync(path.join(tmpdir(), 'probe-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** Silence from ffmpeg: `layout` e.g. 7.1, `rate` in Hz. */
export function silence(
  name: string,
  layout: string,
  rate: number,
  seconds: number,
  args: string[],
): Uint8Array<ArrayBuffer> {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds)],
    ...['-i', `anullsrc=r=${rate}:cl=${layout}`, ...args, out],
  ]);
  return new Uint8Array(readFileSync(out));
}

/** Rewrites the total-samples field of a FLAC file's STREAMINFO (0: unknown, as streamed encoders write). */
export function withFlacTotal(bytes: Uint8Array, total: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(bytes);
  const d = 8; // 'fLaC', block header
  b[d + 13] = (b[d + 13]! & 0xf0) | Math.floor(total / 2 ** 32);
  new DataView(b.buffer).setUint32(d + 14, total >>> 0);
  return b;
}

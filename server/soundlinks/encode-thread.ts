import fs from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeAudio, encodeMp3 } from '../audio/codec/index.js';
import { AudioFormatError, AudioTooLongError } from '../audio/codec/types.js';
import { detect, embed, type Change } from '../audio/watermark/index.js';

export interface EncodeTask {
  bytes: Uint8Array;
  markId: string;
  watermarkKey: string;
  outDir: string;
  /** the served name; written under a temporary one first */
  name: string;
  maxDurationSec: number;
}

export type EncodeOutcome = { ok: true; size: number } | { ok: false; message: string; permanent: boolean };

export interface DetectTask {
  bytes: Uint8Array;
  watermarkKey: string;
}
export type DetectOutcome =
  | {
      ok: true;
      /** change/factor: the speed, tempo or pitch change the mark was read through (see watermark/detect.ts) */
      found: { id: string; confidence: number; change: Change; factor: number } | null;
      seconds: number;
    }
  | { ok: false; message: string };

/** The verify tool reads songs up to this long (as long as an encoding may be). */
const DETECT_MAX_SEC = 20 * 60;
const tooLong = (sec: number) => {
  const min = Math.round(sec / 60);
  return `The song is too long (limit ${min} minute${min === 1 ? '' : 's'})`;
};

/** Reads the mark of a file (the dashboard's verify tool). */
export async function detectTask(t: DetectTask): Promise<DetectOutcome> {
  let pcm;
  try {
    pcm = await decodeAudio(t.bytes, { maxSeconds: DETECT_MAX_SEC });
  } catch (err) {
    if (err instanceof AudioTooLongError) return { ok: false, message: err.detail ?? tooLong(DETECT_MAX_SEC) };
    if (err instanceof AudioFormatError) return { ok: false, message: 'This file cannot be decoded as audio' };
    throw err;
  }
  const found = detect(pcm, t.watermarkKey);
  return {
    ok: true,
    found: found ? { id: found.id, confidence: found.confidence, change: found.change, factor: found.factor } : null,
    seconds: (pcm.channels[0]?.length ?? 0) / pcm.sampleRate,
  };
}

/**
 * The CPU-heavy part of a job (decode, mark, MP3 encode), meant for a worker thread so that the
 * server keeps answering while songs are encoded, and several songs use several cores.
 */
export async function encodeTask(t: EncodeTask): Promise<EncodeOutcome> {
  let pcm;
  try {
    // Stopped at the limit: a small file can hold hours of audio, far more memory decoded.
    pcm = await decodeAudio(t.bytes, { maxSeconds: t.maxDurationSec });
  } catch (err) {
    if (err instanceof AudioTooLongError) {
      return { ok: false, message: err.detail ?? tooLong(t.maxDurationSec), permanent: true };
    }
    if (err instanceof AudioFormatError) {
      return {
        ok: false,
        message: 'The link does not point to an audio file (MP3, WAV, FLAC or Ogg)',
        permanent: true,
      };
    }
    throw err;
  }
  const seconds = (pcm.channels[0]?.length ?? 0) / pcm.sampleRate;
  if (seconds < 5)
    return { ok: false, message: 'The song is too short to carry a mark (at least 5 s)', permanent: true };
  const mp3 = await encodeMp3(embed(pcm, t.markId, t.watermarkKey), { bitrate: 192 });
  await fs.mkdir(t.outDir, { recursive: true });
  const tmp = path.join(t.outDir, `.${t.name}.${process.pid}.${Date.now()}.tmp`);
  // Written under a temporary name and renamed: a crash never leaves a half file under the real one.
  await fs.writeFile(tmp, mp3);
  await fs.rename(tmp, path.join(t.outDir, t.name));
  return { ok: true, size: mp3.length };
}

if (parentPort && workerData?.role === 'soundlinks-encode') {
  const port = parentPort;
  port.on('message', (task: ({ kind: 'encode' } & EncodeTask) | ({ kind: 'detect' } & DetectTask)) => {
    (task.kind === 'detect' ? detectTask(task) : encodeTask(task)).then(
      (r) => port.postMessage(r),
      (err: unknown) => port.postMessage({ error: String(err) }),
    );
  });
}

import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeAudio, encodeMp3 } from '../codec/index.js';
import { measureLoudness, type Loudness } from '../loudness.js';
import { synthesizeSong, SYNTH_RATE, type SongSpec } from './synth.js';

export interface RenderJob {
  id: string;
  spec: SongSpec;
  file: string;
}

/** The demo catalog's quality: 44.1 kHz stereo (the synthesizer's), 128 kbit/s. */
export const DEMO_BITRATE = 128;

/**
 * Renders one song to MP3, written under a temporary name and renamed, so no half file is served.
 * Its loudness is measured on the encoded file's audio, as listeners hear it.
 */
export async function renderToFile(
  job: RenderJob,
): Promise<{ id: string; bytes: number; durationSec: number; loudness: Loudness }> {
  const channels = synthesizeSong(job.spec);
  const mp3 = await encodeMp3({ sampleRate: SYNTH_RATE, channels }, { bitrate: DEMO_BITRATE });
  const loudness = measureLoudness(await decodeAudio(mp3));
  const tmp = `${job.file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, mp3);
  fs.renameSync(tmp, job.file);
  return { id: job.id, bytes: mp3.length, durationSec: channels[0]!.length / SYNTH_RATE, loudness };
}

if (parentPort && workerData?.role === 'demo-render') {
  const port = parentPort;
  port.on('message', (job: RenderJob | null) => {
    if (job === null) return port.close();
    renderToFile(job).then(
      (r) => port.postMessage({ ok: true, ...r }),
      (err: unknown) => port.postMessage({ ok: false, id: job.id, error: String(err) }),
    );
  });
}

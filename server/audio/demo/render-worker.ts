import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { encodeMp3 } from '../codec/index.js';
import { synthesizeSong, SYNTH_RATE, type SongSpec } from './synth.js';

export interface RenderJob {
  id: string;
  spec: SongSpec;
  file: string;
}

/** Renders one song to MP3, written under a temporary name and renamed, so no half file is served. */
export async function renderToFile(job: RenderJob): Promise<{ id: string; bytes: number; durationSec: number }> {
  const pcm = synthesizeSong(job.spec);
  const mp3 = await encodeMp3({ sampleRate: SYNTH_RATE, channels: [pcm] }, { bitrate: 64 });
  const tmp = `${job.file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, mp3);
  fs.renameSync(tmp, job.file);
  return { id: job.id, bytes: mp3.length, durationSec: pcm.length / SYNTH_RATE };
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

import fs from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeAudio } from './codec/index.js';
import { LoudnessMeter, type Loudness } from './loudness.js';

/**
 * Measures files' loudness off the main thread (decoding and the measure take about a second a
 * song): one file for a song, an album's files in order for the album (one stream: one file's
 * audio is in memory at a time).
 */
async function measureFiles(files: string[]): Promise<Loudness> {
  const meter = new LoudnessMeter();
  for (const file of files) {
    meter.push(await decodeAudio(new Uint8Array(await fs.readFile(file)), { maxSeconds: 4 * 3600 }));
  }
  return meter.result();
}

if (parentPort && workerData?.role === 'loudness') {
  const port = parentPort;
  port.on('message', (files: string[]) => {
    measureFiles(files).then(
      (loudness) => port.postMessage({ ok: true, loudness }),
      (err: unknown) => port.postMessage({ ok: false, error: String(err) }),
    );
  });
}

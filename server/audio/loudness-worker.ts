import fs from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { decodeAudio } from './codec/index.js';
import { measureLoudness } from './loudness.js';

/** Measures a file's loudness off the main thread (decoding and the measure take about a second a song). */
if (parentPort && workerData?.role === 'loudness') {
  const port = parentPort;
  port.on('message', (file: string) => {
    fs.readFile(file)
      .then((bytes) => decodeAudio(new Uint8Array(bytes), { maxSeconds: 4 * 3600 }))
      .then(
        (pcm) => port.postMessage({ ok: true, loudness: measureLoudness(pcm) }),
        (err: unknown) => port.postMessage({ ok: false, error: String(err) }),
      );
  });
}

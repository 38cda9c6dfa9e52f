import { embed, cellTargets } from './server/audio/watermark/embed.js';
import { lnMagGrid, monoAtRate } from './server/audio/watermark/features.js';
import { BINS, PERIOD } from './server/audio/watermark/params.js';
import { popSong, noiseSong, pianoSong } from './server/audio/watermark/testing/signals.js';
const KEY = 'dev-key',
  ID = 'deadbeef01234567';
for (const song of [popSong(20, 44100, 1), pianoSong(20), noiseSong(20)]) {
  const m = embed(song, ID, KEY, { strength: 0.08 });
  const a = cellTargets(ID, KEY);
  const x0 = monoAtRate(song),
    x1 = monoAtRate(m);
  const g0 = lnMagGrid(x0, 256),
    g1 = lnMagGrid(x1, 256);
  const byBand = new Float64Array(BINS),
    byJ = new Float64Array(4),
    nJ = new Float64Array(4),
    lvl = new Float64Array(BINS);
  let n = 0;
  for (let f = 0; f < g0.frames; f++) {
    const sl = Math.floor(f / 4);
    const j = f % 4;
    for (let k = 0; k < BINS; k++) {
      const d = (g1.data[f * BINS + k]! - g0.data[f * BINS + k]!) * a[(sl % PERIOD) * BINS + k]!;
      if (j < 3) {
        byBand[k]! += d;
        lvl[k]! += g0.data[f * BINS + k]!;
      }
      byJ[j]! += d;
      nJ[j]!++;
    }
    if (j < 3) n++;
  }
  console.log('byJ', Array.from(byJ, (v, i) => (v / nJ[i]!).toFixed(3)).join(' '));
  console.log('band', Array.from(byBand, (v) => (v / n).toFixed(3)).join(' '));
  console.log('lvl', Array.from(lvl, (v) => (v / n).toFixed(1)).join(' '));
}

import { embed, cellTargets } from './server/audio/watermark/embed.js';
import { lnMagGrid, slotValues, cellStats, monoAtRate } from './server/audio/watermark/features.js';
import { BINS, PERIOD, FINE_HOP, FINE_PER_HOP } from './server/audio/watermark/params.js';
import { popSong, noiseSong } from './server/audio/watermark/testing/signals.js';
const KEY = 'dev-key',
  ID = 'deadbeef01234567';
for (const song of [popSong(20, 44100, 1), noiseSong(20)]) {
  const m = embed(song, ID, KEY, { strength: 0.08 });
  const a = cellTargets(ID, KEY);
  for (const [nm, p] of [
    ['orig', song],
    ['marked', m],
  ] as const) {
    const x = monoAtRate(p);
    const g = lnMagGrid(x, FINE_HOP);
    const { slots, v } = slotValues(g.data, g.frames, FINE_PER_HOP, 0);
    const u = cellStats(v, slots);
    let s = 0,
      e = 0,
      n = 0,
      clipped = 0;
    for (let sl = 0; sl < slots; sl++)
      for (let k = 0; k < BINS; k++) {
        const val = u[sl * BINS + k]!;
        const t = a[(sl % PERIOD) * BINS + k]!;
        s += val * t;
        e += val * val;
        n++;
        if (Math.abs(val) >= 1) clipped++;
      }
    console.log(nm, 'mean', (s / n).toFixed(4), 'rms', Math.sqrt(e / n).toFixed(3), 'clipped', clipped / n);
  }
  // direct check of v difference
  const x0 = monoAtRate(song),
    x1 = monoAtRate(m);
  const g0 = lnMagGrid(x0, 256),
    g1 = lnMagGrid(x1, 256);
  let s = 0,
    n = 0;
  for (let f = 0; f < g0.frames; f++) {
    const sl = Math.floor(f / 4);
    if (f % 4 === 3) continue;
    for (let k = 0; k < BINS; k++) {
      s += (g1.data[f * BINS + k]! - g0.data[f * BINS + k]!) * a[(sl % PERIOD) * BINS + k]!;
      n++;
    }
  }
  console.log('direct mean gain seen', s / n);
}

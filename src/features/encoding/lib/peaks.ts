/** The loudest sample magnitude of each of `bins` equal slices: enough to draw a waveform. */
export function computePeaks(samples: Float32Array, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  if (samples.length === 0 || bins <= 0) return out;
  const per = samples.length / bins;
  for (let b = 0; b < bins; b++) {
    const from = Math.floor(b * per);
    const to = Math.max(from + 1, Math.floor((b + 1) * per));
    let m = 0;
    for (let i = from; i < to && i < samples.length; i++) {
      const v = Math.abs(samples[i]!);
      if (v > m) m = v;
    }
    out[b] = Math.min(1, m);
  }
  return out;
}

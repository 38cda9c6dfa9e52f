/**
 * Loudness of a song as ITU-R BS.1770-4 / EBU R128 define it: integrated loudness (K-weighting,
 * 400 ms blocks overlapping by 75 %, the absolute gate at −70 LUFS and the relative gate 10 LU
 * below) and true peak (4× oversampled). The player turns these into a track or album gain.
 */
import type { PcmAudio } from './codec/types.js';

export interface Loudness {
  /** integrated loudness, LUFS (−70 for silence) */
  lufs: number;
  /** true peak, dBTP (−100 for silence) */
  truePeakDb: number;
}

const SILENT_LUFS = -70;
const SILENT_PEAK_DB = -100;

interface Biquad {
  b: [number, number, number];
  a: [number, number];
}

/** The two K-weighting stages (a high shelf, then a high pass) for any sample rate. */
function kWeighting(rate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / rate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b: [(vh + (vb * k) / q + k * k) / a0, (2 * (k * k - vh)) / a0, (vh - (vb * k) / q + k * k) / a0],
    a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0],
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / rate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b: [1, -2, 1], a: [(2 * (k * k - 1)) / a0, (1 - k / q + k * k) / a0] };
  return [shelf, highPass];
}

type FilterState = [x1: number, x2: number, y1: number, y2: number, z1: number, z2: number];

const toLufs = (meanSquare: number) => -0.691 + 10 * Math.log10(meanSquare);

/**
 * Integrated loudness and true peak over audio given in pieces, in order: a song, or an album's songs
 * one after another (as if they were one file; the K-weighting and the 100 ms steps run on across
 * the joins, so the gates see the concatenation). Holds one number per 100 ms, not the audio.
 */
export class LoudnessMeter {
  private rate = 0;
  private step = 0;
  private filters: { stages: [Biquad, Biquad]; state: FilterState }[] = [];
  /** the K-weighted squares, channels summed, of the samples of the step under way */
  private partial = 0;
  private inStep = 0;
  /** each whole 100 ms step's mean square, channels summed (a 400 ms block is four of them) */
  private readonly steps: number[] = [];
  private peakDb = SILENT_PEAK_DB;

  push(pcm: PcmAudio): void {
    const channels = pcm.channels.slice(0, 2);
    if (pcm.sampleRate !== this.rate || channels.length !== this.filters.length) {
      // another rate or layout (not within one file): the filters start again, whole steps are kept
      this.rate = pcm.sampleRate;
      this.step = Math.round(pcm.sampleRate / 10);
      this.filters = channels.map(() => ({ stages: kWeighting(pcm.sampleRate), state: [0, 0, 0, 0, 0, 0] }));
      this.partial = 0;
      this.inStep = 0;
    }
    const n = channels[0]?.length ?? 0;
    const energy = new Float64Array(Math.floor((this.inStep + n) / this.step) + 1);
    energy[0] = this.partial;
    channels.forEach((x, c) => weightedSquares(x, this.filters[c]!, this.step, this.inStep, energy));
    const whole = energy.length - 1;
    for (let i = 0; i < whole; i++) this.steps.push(energy[i]! / this.step);
    this.partial = energy[whole]!;
    this.inStep = (this.inStep + n) % this.step;
    this.peakDb = Math.max(this.peakDb, truePeak(pcm));
  }

  /** Integrated loudness (LUFS) of what was pushed (left and right weigh 1, as BS.1770 says). */
  integrated(): number {
    const blocks: number[] = [];
    const m = this.steps;
    for (let i = 0; i + 4 <= m.length; i++) blocks.push((m[i]! + m[i + 1]! + m[i + 2]! + m[i + 3]!) / 4);
    const gated = (threshold: number) => blocks.filter((z) => z > 0 && toLufs(z) > threshold);
    const mean = (zs: number[]) => zs.reduce((s, z) => s + z, 0) / zs.length;
    const overAbsolute = gated(SILENT_LUFS);
    if (!overAbsolute.length) return SILENT_LUFS;
    const relative = toLufs(mean(overAbsolute)) - 10;
    const kept = gated(Math.max(relative, SILENT_LUFS));
    return kept.length ? toLufs(mean(kept)) : SILENT_LUFS;
  }

  /** Both measures, rounded to 0.01 dB; the true peak is the highest of the pieces'. */
  result(): Loudness {
    const round = (v: number) => Math.round(v * 100) / 100;
    return { lufs: round(this.integrated()), truePeakDb: round(this.peakDb) };
  }
}

/**
 * Adds one channel's K-weighted squares into `energy`, one slot per 100 ms step; the first slot
 * is the step under way, which already holds `inStep` samples. Carries the filter state on.
 */
function weightedSquares(
  x: Float32Array,
  f: { stages: [Biquad, Biquad]; state: FilterState },
  step: number,
  inStep: number,
  energy: Float64Array,
): void {
  const [s1, s2] = f.stages;
  let [x1, x2, y1, y2, z1, z2] = f.state;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    const y = s1.b[0] * v + s1.b[1] * x1 + s1.b[2] * x2 - s1.a[0] * y1 - s1.a[1] * y2;
    x2 = x1;
    x1 = v;
    const z = y - 2 * y1 + y2 - s2.a[0] * z1 - s2.a[1] * z2;
    y2 = y1;
    y1 = y;
    z2 = z1;
    z1 = z;
    energy[((inStep + i) / step) | 0]! += z * z;
  }
  f.state = [x1, x2, y1, y2, z1, z2];
}

/** Integrated loudness (LUFS) of one or two channels. */
export function integratedLoudness(pcm: PcmAudio): number {
  const meter = new LoudnessMeter();
  meter.push(pcm);
  return meter.integrated();
}

const OVERSAMPLE = 4;
const TAPS_PER_PHASE = 12;

/** Polyphase 4× interpolation filter: a Blackman-windowed sinc cut at the original Nyquist. */
function interpolationPhases(): Float64Array[] {
  const n = OVERSAMPLE * TAPS_PER_PHASE;
  const centre = (n - 1) / 2;
  const phases = Array.from({ length: OVERSAMPLE }, () => new Float64Array(TAPS_PER_PHASE));
  for (let i = 0; i < n; i++) {
    const t = (i - centre) / OVERSAMPLE;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
    const w = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (n - 1));
    phases[i % OVERSAMPLE]![Math.floor(i / OVERSAMPLE)] = sinc * w;
  }
  // each phase sums to 1, so a constant signal keeps its level
  for (const p of phases) {
    const sum = p.reduce((s, v) => s + v, 0);
    for (let j = 0; j < p.length; j++) p[j]! /= sum;
  }
  return phases;
}

/**
 * Between samples a band-limited signal rises at most a few dB above its neighbours, so only
 * samples within this much of the sample peak are oversampled around (the peak cannot be
 * elsewhere): a song's true peak then costs about as much as reading it once.
 */
const CANDIDATE_BELOW_PEAK_DB = 6;

/** True peak (dBTP) over all channels: the largest sample of the 4× oversampled signal. */
export function truePeak(pcm: PcmAudio): number {
  const phases = interpolationPhases();
  const channels = pcm.channels.slice(0, 2);
  let samplePeak = 0;
  for (const x of channels) {
    for (let i = 0; i < x.length; i++) {
      const a = Math.abs(x[i]!);
      if (a > samplePeak) samplePeak = a;
    }
  }
  if (samplePeak === 0) return SILENT_PEAK_DB;
  const floor = samplePeak * 10 ** (-CANDIDATE_BELOW_PEAK_DB / 20);
  const half = TAPS_PER_PHASE / 2;
  let peak = samplePeak;
  for (const x of channels) {
    let done = -1;
    for (let c = 0; c < x.length; c++) {
      if (Math.abs(x[c]!) < floor) continue;
      // the interpolated points of the filter windows that centre on this sample (each window once)
      const from = Math.max(TAPS_PER_PHASE - 1, c + half - 1, done + 1);
      const to = Math.min(x.length - 1, c + half);
      done = Math.max(done, to);
      for (let i = from; i <= to; i++) {
        for (const p of phases) {
          let acc = 0;
          for (let j = 0; j < TAPS_PER_PHASE; j++) acc += p[j]! * x[i - j]!;
          const a = acc < 0 ? -acc : acc;
          if (a > peak) peak = a;
        }
      }
    }
  }
  return 20 * Math.log10(peak);
}

/** Both measures of one piece of audio, rounded to 0.01 dB. */
export function measureLoudness(pcm: PcmAudio): Loudness {
  const meter = new LoudnessMeter();
  meter.push(pcm);
  return meter.result();
}

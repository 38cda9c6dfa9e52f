/**
 * A small deterministic music synthesizer for the demo catalog: a chord progression, a melody with
 * repeated and varied phrases, a bass line and drums, each song with its own instrument, tempo, key
 * and scale. Stereo Float32 PCM at 44.1 kHz (the parts placed across the stereo field); no sample
 * beyond ±1.
 */

export type Instrument = 'piano' | 'pluck' | 'organ' | 'bell' | 'saw-lead' | 'square-lead' | 'strings' | 'marimba';
export type Scale = 'major' | 'minor' | 'dorian' | 'pentatonic' | 'blues';
export type Drums = 'none' | 'rock' | 'electro' | 'shuffle' | 'halftime';

export interface SongSpec {
  seed: number;
  durationSec: number;
  tempoBpm: number;
  /** root of the key, in semitones above A */
  key: number;
  scale: Scale;
  instrument: Instrument;
  drums: Drums;
  /** false: no fade in (or out): a track of an album whose songs flow into each other; default true */
  fadeIn?: boolean;
  fadeOut?: boolean;
}

export const SYNTH_RATE = 44100;

/** Two channels being mixed into. */
interface Stereo {
  l: Float32Array;
  r: Float32Array;
}

/** Equal-power gains for a place in the stereo field, −1 (left) to 1 (right); 1 each in the centre. */
function panGains(pan: number): [number, number] {
  const a = ((pan + 1) * Math.PI) / 4;
  return [Math.SQRT2 * Math.cos(a), Math.SQRT2 * Math.sin(a)];
}

const SCALES: Record<Scale, number[]> = {
  major: [0, 2, 4, 5, 7, 9, 11],
  minor: [0, 2, 3, 5, 7, 8, 10],
  dorian: [0, 2, 3, 5, 7, 9, 10],
  pentatonic: [0, 2, 4, 7, 9],
  blues: [0, 3, 5, 6, 7, 10],
};
const PROGRESSIONS = [
  [0, 5, 3, 4],
  [0, 3, 4, 4],
  [0, 4, 5, 3],
  [5, 3, 0, 4],
  [0, 0, 3, 4],
];

/** mulberry32: a tiny seeded generator, so the same spec always gives the same song. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hz = (semitonesFromA4: number) => 440 * 2 ** (semitonesFromA4 / 12);

interface Voice {
  /** harmonic amplitudes */
  partials: number[];
  attack: number;
  decay: number;
  sustain: number;
  release: number;
  /** exponential decay per second applied to the whole note (plucked, struck sounds) */
  damping: number;
}

const VOICES: Record<Instrument, Voice> = {
  piano: { partials: [1, 0.5, 0.25, 0.12, 0.06], attack: 0.005, decay: 0.3, sustain: 0.4, release: 0.3, damping: 2.5 },
  pluck: { partials: [1, 0.7, 0.4, 0.3, 0.2, 0.1], attack: 0.002, decay: 0.15, sustain: 0.2, release: 0.1, damping: 5 },
  organ: {
    partials: [1, 0.8, 0.6, 0, 0.4, 0, 0.2],
    attack: 0.02,
    decay: 0.05,
    sustain: 0.9,
    release: 0.05,
    damping: 0,
  },
  bell: {
    partials: [1, 0, 0.6, 0, 0.4, 0.3, 0, 0.2],
    attack: 0.002,
    decay: 0.6,
    sustain: 0.3,
    release: 0.8,
    damping: 1.5,
  },
  'saw-lead': {
    partials: [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8],
    attack: 0.01,
    decay: 0.1,
    sustain: 0.7,
    release: 0.1,
    damping: 0,
  },
  'square-lead': {
    partials: [1, 0, 1 / 3, 0, 1 / 5, 0, 1 / 7],
    attack: 0.01,
    decay: 0.1,
    sustain: 0.6,
    release: 0.08,
    damping: 0,
  },
  strings: {
    partials: [1, 0.6, 0.4, 0.3, 0.2, 0.15],
    attack: 0.15,
    decay: 0.2,
    sustain: 0.8,
    release: 0.4,
    damping: 0,
  },
  marimba: {
    partials: [1, 0, 0, 0.3, 0, 0, 0, 0, 0, 0.1],
    attack: 0.002,
    decay: 0.2,
    sustain: 0.1,
    release: 0.2,
    damping: 6,
  },
};

const TABLE_SIZE = 4096;
const tables = new Map<Voice, Float32Array>();

/** One cycle of the voice's waveform, computed once: notes then read it instead of summing sines. */
function tableOf(voice: Voice): Float32Array {
  let t = tables.get(voice);
  if (!t) {
    t = new Float32Array(TABLE_SIZE + 1);
    for (let i = 0; i <= TABLE_SIZE; i++) {
      let v = 0;
      voice.partials.forEach((a, k) => (v += a * Math.sin((2 * Math.PI * (k + 1) * i) / TABLE_SIZE)));
      t[i] = v;
    }
    tables.set(voice, t);
  }
  return t;
}

/** Adds one note of a voice into out (wavetable oscillator with an ADSR envelope). */
function note(out: Stereo, pan: number, voice: Voice, freq: number, start: number, length: number, gain: number): void {
  const rate = SYNTH_RATE;
  const s0 = Math.floor(start * rate);
  const relLen = Math.max(1, Math.floor(voice.release * rate));
  const n = Math.min(out.l.length - s0, Math.floor(length * rate) + relLen);
  const [gl, gr] = panGains(pan);
  if (n <= 0 || s0 < 0) return;
  const held = Math.floor(length * rate);
  const att = Math.max(1, Math.floor(voice.attack * rate));
  const dec = Math.max(1, Math.floor(voice.decay * rate));
  const table = tableOf(voice);
  const step = (freq * TABLE_SIZE) / rate;
  const damp = Math.exp(-voice.damping / rate);
  let d = gain;
  let phase = 0;
  for (let i = 0; i < n; i++) {
    let env: number;
    if (i < att) env = i / att;
    else if (i < att + dec) env = 1 - ((1 - voice.sustain) * (i - att)) / dec;
    else env = voice.sustain;
    if (i >= held) env *= 1 - (i - held) / relLen;
    d *= damp;
    const idx = phase | 0;
    const frac = phase - idx;
    const v = table[idx]! + (table[idx + 1]! - table[idx]!) * frac;
    const y = v * env * d;
    out.l[s0 + i]! += y * gl;
    out.r[s0 + i]! += y * gr;
    phase += step;
    if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
  }
}

function drumHit(
  out: Stereo,
  pan: number,
  kind: 'kick' | 'snare' | 'hat',
  start: number,
  gain: number,
  r: () => number,
): void {
  const rate = SYNTH_RATE;
  const s0 = Math.floor(start * rate);
  const len = Math.floor((kind === 'kick' ? 0.25 : kind === 'snare' ? 0.18 : 0.05) * rate);
  let phase = 0;
  let lp = 0;
  const [gl, gr] = panGains(pan);
  for (let i = 0; i < len && s0 + i < out.l.length; i++) {
    const t = i / rate;
    let v: number;
    if (kind === 'kick') {
      phase += (2 * Math.PI * (50 + 100 * Math.exp(-t * 30))) / rate;
      v = Math.sin(phase) * Math.exp(-t * 12);
    } else if (kind === 'snare') {
      v = ((r() * 2 - 1) * 0.7 + Math.sin(2 * Math.PI * 190 * t) * 0.4) * Math.exp(-t * 20);
    } else {
      const noise = r() * 2 - 1;
      lp += 0.5 * (noise - lp);
      v = (noise - lp) * Math.exp(-t * 70);
    }
    out.l[s0 + i]! += v * gain * gl;
    out.r[s0 + i]! += v * gain * gr;
  }
}

const DRUM_PATTERNS: Record<Exclude<Drums, 'none'>, { kick: number[]; snare: number[]; hat: number[] }> = {
  // positions in eighth notes within a 4/4 bar
  rock: { kick: [0, 4, 5], snare: [2, 6], hat: [0, 1, 2, 3, 4, 5, 6, 7] },
  electro: { kick: [0, 2, 4, 6], snare: [2, 6], hat: [1, 3, 5, 7] },
  shuffle: { kick: [0, 3, 4], snare: [2, 6], hat: [0, 1.33, 2, 3.33, 4, 5.33, 6, 7.33] },
  halftime: { kick: [0, 3], snare: [4], hat: [0, 2, 4, 6] },
};

/** The song's two channels, [left, right]. */
export function synthesizeSong(spec: SongSpec): Float32Array[] {
  const r = rng(spec.seed);
  const length = Math.round(spec.durationSec * SYNTH_RATE);
  const out: Stereo = { l: new Float32Array(length), r: new Float32Array(length) };
  const beat = 60 / spec.tempoBpm;
  const bar = beat * 4;
  const scale = SCALES[spec.scale];
  const prog = PROGRESSIONS[spec.seed % PROGRESSIONS.length]!;
  const voice = VOICES[spec.instrument];
  const degree = (d: number) => {
    const oct = Math.floor(d / scale.length);
    return scale[((d % scale.length) + scale.length) % scale.length]! + 12 * oct;
  };
  // Two melodic phrases (A and B), each one bar of eighth-note steps; songs play A A B A with variation.
  const phrase = () => Array.from({ length: 8 }, () => (r() < 0.2 ? null : Math.floor(r() * 9) - 1));
  const phrases = [phrase(), phrase()];
  const bars = Math.ceil(spec.durationSec / bar);
  for (let b = 0; b < bars; b++) {
    const t0 = b * bar;
    const chordRoot = prog[b % prog.length]!;
    // chord pad: root, third and fifth of the scale degree, an octave below the melody
    for (const step of [0, 2, 4]) {
      note(out, (step - 2) / 5, VOICES.strings, hz(spec.key - 12 + degree(chordRoot + step)), t0, bar * 0.95, 0.05);
    }
    // bass: root on beats 1 and 3
    note(out, 0, VOICES.pluck, hz(spec.key - 24 + degree(chordRoot)), t0, beat * 1.5, 0.22);
    note(
      out,
      0,
      VOICES.pluck,
      hz(spec.key - 24 + degree(chordRoot + (b % 2 ? 4 : 0))),
      t0 + 2 * beat,
      beat * 1.5,
      0.18,
    );
    // melody
    const p = phrases[[0, 0, 1, 0][b % 4]!]!;
    for (let i = 0; i < 8; i++) {
      let d = p[i];
      if (d === null || d === undefined) continue;
      if (b % 8 >= 4 && r() < 0.25) d += r() < 0.5 ? 1 : -1; // variation on the repeat
      note(out, 0.3, voice, hz(spec.key + degree(chordRoot + d)), t0 + (i * beat) / 2, beat / 2, 0.16);
    }
    if (spec.drums !== 'none' && b > 0) {
      const pat = DRUM_PATTERNS[spec.drums];
      for (const k of pat.kick) drumHit(out, 0, 'kick', t0 + (k * beat) / 2, 0.5, r);
      for (const s of pat.snare) drumHit(out, -0.15, 'snare', t0 + (s * beat) / 2, 0.25, r);
      for (const h of pat.hat) drumHit(out, 0.4, 'hat', t0 + (h * beat) / 2, 0.12, r);
    }
  }
  // fades and a soft limiter (tanh), so that loud passages bend instead of clipping
  const fadeInOn = spec.fadeIn !== false;
  const fadeOutOn = spec.fadeOut !== false;
  const fadeIn = Math.floor(0.5 * SYNTH_RATE);
  const fadeOut = Math.floor(2 * SYNTH_RATE);
  let peak = 0;
  for (const c of [out.l, out.r]) for (let i = 0; i < length; i++) peak = Math.max(peak, Math.abs(c[i]!));
  const pre = peak > 0 ? 1.2 / peak : 1;
  for (const c of [out.l, out.r]) {
    for (let i = 0; i < length; i++) {
      let v = Math.tanh(c[i]! * pre) * 0.89;
      if (fadeInOn && i < fadeIn) v *= i / fadeIn;
      const fromEnd = length - 1 - i;
      if (fadeOutOn && fromEnd < fadeOut) v *= fromEnd / fadeOut;
      c[i] = v;
    }
  }
  return [out.l, out.r];
}

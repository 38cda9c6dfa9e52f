/**
 * Deterministic synthetic test material for watermark tests and benchmarks (no audio files needed).
 * All generators return stereo (or mono) PCM at the requested rate with peaks <= 1.
 */
import type { PcmAudio } from '../../codec/types.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const midi = (m: number) => 440 * 2 ** ((m - 69) / 12);

function addNote(
  buf: Float32Array,
  sr: number,
  t0: number,
  dur: number,
  freq: number,
  amp: number,
  opts: { harmonics?: number; decay?: number; bright?: number; attack?: number } = {},
) {
  const H = opts.harmonics ?? 8;
  const decay = opts.decay ?? 3;
  const bright = opts.bright ?? 1.2;
  const attack = opts.attack ?? 0.005;
  const i0 = Math.max(0, Math.floor(t0 * sr));
  const i1 = Math.min(buf.length, Math.floor((t0 + dur) * sr));
  // Each audible harmonic as a phasor turned by its step every sample (the same sine as
  // Math.sin(2π f (h+1) t (1 + 0.0004 h²)) to within float rounding, at a fraction of the cost).
  const amps: number[] = [];
  const cosStep: number[] = [];
  const sinStep: number[] = [];
  for (let h = 0; h < H; h++) {
    if (freq * (h + 1) >= sr / 2.2) continue;
    const w = (2 * Math.PI * freq * (h + 1) * (1 + 0.0004 * h * h)) / sr;
    amps.push(amp / (h + 1) ** bright);
    cosStep.push(Math.cos(w));
    sinStep.push(Math.sin(w));
  }
  const re = amps.map(() => 1);
  const im = amps.map(() => 0);
  const rel = Math.min(0.05, dur / 4);
  for (let i = i0; i < i1; i++) {
    const t = (i - i0) / sr;
    let env = Math.exp(-t * decay) * Math.min(1, t / attack);
    const left = (i1 - i) / sr;
    if (left < rel) env *= left / rel;
    let v = 0;
    for (let k = 0; k < amps.length; k++) {
      const c = re[k]!;
      const s = im[k]!;
      v += amps[k]! * s;
      re[k] = c * cosStep[k]! - s * sinStep[k]!;
      im[k] = s * cosStep[k]! + c * sinStep[k]!;
    }
    buf[i]! += env * v;
  }
}

function addNoiseBurst(
  buf: Float32Array,
  sr: number,
  t0: number,
  dur: number,
  amp: number,
  r: () => number,
  lowpass = 0.5,
  decay = 20,
) {
  const i0 = Math.max(0, Math.floor(t0 * sr));
  const i1 = Math.min(buf.length, Math.floor((t0 + dur) * sr));
  let y = 0;
  for (let i = i0; i < i1; i++) {
    const t = (i - i0) / sr;
    y += lowpass * (r() * 2 - 1 - y);
    buf[i]! += amp * y * Math.exp(-t * decay);
  }
}

function addKick(buf: Float32Array, sr: number, t0: number, amp: number) {
  const i0 = Math.floor(t0 * sr);
  const i1 = Math.min(buf.length, i0 + Math.floor(0.25 * sr));
  let ph = 0;
  for (let i = i0; i < i1; i++) {
    const t = (i - i0) / sr;
    ph += (2 * Math.PI * (50 + 100 * Math.exp(-t * 30))) / sr;
    buf[i]! += amp * Math.sin(ph) * Math.exp(-t * 12);
  }
}

function normalize(ch: Float32Array[], peak: number) {
  let m = 0;
  for (const c of ch) for (let i = 0; i < c.length; i++) m = Math.max(m, Math.abs(c[i]!));
  if (m > 0) for (const c of ch) for (let i = 0; i < c.length; i++) c[i]! *= peak / m;
}

/** A pop-like song: bass, chords, melody, kick/snare/hat, with a silent break. */
export function popSong(
  seconds: number,
  sr = 44100,
  seed = 1,
  opts: { silence?: boolean; bpm?: number; root?: number } = {},
): PcmAudio {
  const r = rng(seed);
  const n = Math.floor(seconds * sr);
  const L = new Float32Array(n);
  const R = new Float32Array(n);
  const bpm = opts.bpm ?? 100 + Math.floor(r() * 40);
  const beat = 60 / bpm;
  const root = opts.root ?? 45 + Math.floor(r() * 7);
  const prog = [0, 5, 7, 3, 0, 8, 5, 7];
  const scale = [0, 2, 4, 5, 7, 9, 11, 12, 14, 16];
  const silentFrom = opts.silence ? seconds * 0.45 : Infinity;
  const silentTo = opts.silence ? silentFrom + 2.5 : -1;
  for (let b = 0; b * beat < seconds; b++) {
    const t = b * beat;
    if (t >= silentFrom && t < silentTo) continue;
    const bar = Math.floor(b / 4);
    const ch = root + prog[bar % prog.length]!;
    if (b % 4 === 0) {
      for (const iv of [12, 16, 19]) {
        addNote(L, sr, t, beat * 4, midi(ch + iv), 0.09, { harmonics: 6, decay: 0.6, attack: 0.03 });
        addNote(R, sr, t, beat * 4, midi(ch + iv) * 1.002, 0.09, { harmonics: 6, decay: 0.6, attack: 0.03 });
      }
    }
    addNote(L, sr, t, beat, midi(ch - 12), 0.25, { harmonics: 5, decay: 2 });
    addNote(R, sr, t, beat, midi(ch - 12), 0.25, { harmonics: 5, decay: 2 });
    if (b % 4 === 0 || b % 4 === 2) {
      addKick(L, sr, t, 0.5);
      addKick(R, sr, t, 0.5);
    } else {
      addNoiseBurst(L, sr, t, 0.2, 0.25, r, 0.6, 18);
      addNoiseBurst(R, sr, t, 0.2, 0.25, r, 0.6, 18);
    }
    for (const half of [0, 0.5]) {
      addNoiseBurst(L, sr, t + half * beat, 0.05, 0.06, r, 0.95, 60);
      addNoiseBurst(R, sr, t + half * beat, 0.05, 0.06, r, 0.95, 60);
    }
    if (r() < 0.8) {
      const m = root + 24 + scale[Math.floor(r() * scale.length)]!;
      const d = beat * (r() < 0.5 ? 0.5 : 1);
      addNote(L, sr, t, d, midi(m), 0.12, { harmonics: 10, decay: 2.5, bright: 1 });
      addNote(R, sr, t, d, midi(m), 0.09, { harmonics: 10, decay: 2.5, bright: 1 });
    }
  }
  const chans = [L, R];
  normalize(chans, 0.89);
  return { sampleRate: sr, channels: chans };
}

/** Sparse piano-like notes with long decays and gaps (little energy to hide in). */
export function pianoSong(seconds: number, sr = 44100, seed = 2): PcmAudio {
  const r = rng(seed);
  const n = Math.floor(seconds * sr);
  const L = new Float32Array(n);
  const R = new Float32Array(n);
  let t = 0.2;
  while (t < seconds) {
    const m = 48 + Math.floor(r() * 30);
    const amp = 0.15 + 0.2 * r();
    addNote(L, sr, t, 2.5, midi(m), amp, { harmonics: 12, decay: 1.5, bright: 1.4, attack: 0.002 });
    addNote(R, sr, t, 2.5, midi(m), amp * 0.8, { harmonics: 12, decay: 1.5, bright: 1.4, attack: 0.002 });
    t += 0.3 + r() * 1.2;
  }
  const chans = [L, R];
  normalize(chans, 0.7);
  return { sampleRate: sr, channels: chans };
}

/** Loud, dense, heavily limited passage (peaks at full scale, saturated). */
export function loudSong(seconds: number, sr = 44100, seed = 3): PcmAudio {
  const s = popSong(seconds, sr, seed, { bpm: 140 });
  for (const c of s.channels) for (let i = 0; i < c.length; i++) c[i] = Math.tanh(3 * c[i]!) * 0.999;
  return s;
}

/** Dense noise-like material: filtered noise "rain" with slow swells, plus a quiet drone. */
export function noiseSong(seconds: number, sr = 44100, seed = 4): PcmAudio {
  const r = rng(seed);
  const n = Math.floor(seconds * sr);
  const chans = [new Float32Array(n), new Float32Array(n)];
  for (const c of chans) {
    let y1 = 0;
    let y2 = 0;
    for (let i = 0; i < n; i++) {
      const t = i / sr;
      const w = r() * 2 - 1;
      y1 += 0.3 * (w - y1);
      y2 = 0.5 * y2 + 0.5 * w;
      const swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * 0.13 * t);
      c[i] = swell * (0.6 * y1 + 0.4 * (w - y2)) + 0.1 * Math.sin(2 * Math.PI * 110 * t);
    }
  }
  normalize(chans, 0.8);
  return { sampleRate: sr, channels: chans };
}

/** Speech-like signal: glottal pulse train through moving formants, syllables and pauses (mono). */
export function speechLike(seconds: number, sr = 44100, seed = 5): PcmAudio {
  const r = rng(seed);
  const n = Math.floor(seconds * sr);
  const out = new Float32Array(n);
  let phase = 0;
  const f = [0, 0, 0];
  const st = [
    [0, 0],
    [0, 0],
    [0, 0],
  ];
  let syl = 0;
  let sylLen = 0.2;
  let voiced = true;
  let targets = [700, 1200, 2600];
  for (let i = 0; i < n; i++) {
    const t = i / sr;
    if (t >= syl + sylLen) {
      syl = t;
      sylLen = 0.08 + r() * 0.25;
      voiced = r() < 0.75;
      targets = [300 + r() * 600, 900 + r() * 1400, 2300 + r() * 900];
      if (r() < 0.15) sylLen += 0.3; // pause
    }
    for (let k = 0; k < 3; k++) f[k] = f[k]! + 0.002 * (targets[k]! - f[k]!);
    const pitch = 110 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += pitch / sr;
    let src = 0;
    if (phase >= 1) {
      phase -= 1;
      src = 1;
    }
    if (!voiced) src = (r() * 2 - 1) * 0.3;
    const inPause = t - syl > sylLen - 0.3 && sylLen > 0.38;
    let y = 0;
    for (let k = 0; k < 3; k++) {
      const bw = 80 + 40 * k;
      const rr = Math.exp((-Math.PI * bw) / sr);
      const a1 = 2 * rr * Math.cos((2 * Math.PI * f[k]!) / sr);
      const a2 = -rr * rr;
      const s = st[k]!;
      const v = src + a1 * s[0]! + a2 * s[1]!;
      s[1] = s[0]!;
      s[0] = v;
      y += v / (k + 1);
    }
    out[i] = inPause ? 0 : y;
  }
  normalize([out], 0.7);
  return { sampleRate: sr, channels: [out] };
}

/** White noise (mono). */
export function whiteNoise(seconds: number, sr = 44100, seed = 6, amp = 0.3): PcmAudio {
  const r = rng(seed);
  const out = new Float32Array(Math.floor(seconds * sr));
  for (let i = 0; i < out.length; i++) out[i] = amp * (r() * 2 - 1);
  return { sampleRate: sr, channels: [out] };
}

/** Take channels[from, from+len) seconds. */
export function excerpt(pcm: PcmAudio, fromSec: number, lenSec: number): PcmAudio {
  const a = Math.floor(fromSec * pcm.sampleRate);
  const b = Math.min(pcm.channels[0]!.length, a + Math.floor(lenSec * pcm.sampleRate));
  return { sampleRate: pcm.sampleRate, channels: pcm.channels.map((c) => c.slice(a, b)) };
}

/** SNR (dB) of marked vs original over all channels. */
export function snrDb(orig: PcmAudio, marked: PcmAudio): number {
  let s = 0;
  let e = 0;
  orig.channels.forEach((c, ci) => {
    const m = marked.channels[ci]!;
    for (let i = 0; i < c.length; i++) {
      s += c[i]! * c[i]!;
      const d = m[i]! - c[i]!;
      e += d * d;
    }
  });
  return 10 * Math.log10(s / Math.max(e, 1e-30));
}

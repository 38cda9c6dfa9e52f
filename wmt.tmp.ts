import { embed, detect } from './server/audio/watermark/index.js';
const sr = 44100,
  n = sr * 20;
const a = new Float32Array(n),
  b = new Float32Array(n);
let seed = 1;
const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296 - 0.5;
const notes = [220, 247, 262, 294, 330, 349, 392, 440];
for (let i = 0; i < n; i++) {
  const t = i / sr;
  const nt = notes[Math.floor(t * 4) % 8]!;
  const env = Math.exp(-((t * 4) % 1) * 3);
  let v = 0;
  for (let h = 1; h < 8; h++) v += Math.sin(2 * Math.PI * nt * h * t) / h;
  a[i] = 0.3 * env * v + 0.02 * rnd();
  b[i] = a[i]! * 0.8 + 0.01 * rnd();
}
const pcm = { sampleRate: sr, channels: [a, b] };
let t0 = performance.now();
const m = embed(pcm, '0123456789abcdef', 'k1');
console.log('embed ms', performance.now() - t0);
let se = 0,
  sd = 0;
for (const [c, o] of m.channels.entries()) {
  const x = pcm.channels[c]!;
  for (let i = 0; i < n; i++) {
    se += x[i]! ** 2;
    sd += (o[i]! - x[i]!) ** 2;
  }
}
console.log('snr', 10 * Math.log10(se / sd));
t0 = performance.now();
console.log(detect(m, 'k1'), performance.now() - t0);
console.log('wrong key', detect(m, 'k2'));
console.log('unmarked', detect(pcm, 'k1'));
const ex = { sampleRate: sr, channels: m.channels.map((c) => c.slice(sr * 7 + 123, sr * 12 + 123)) };
console.log('5s excerpt', detect(ex, 'k1'));

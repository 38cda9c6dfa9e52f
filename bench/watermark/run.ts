/**
 * Watermark benchmark: inaudibility (SNR), robustness per attack (whole song, 10 s and 5 s excerpts),
 * also through speed / tempo / pitch changes and their combinations with codecs (desync.ts), false
 * reads on unmarked material (also speed-changed), and speed on a 3-minute song.
 *
 *   node_modules/.bin/tsx bench/watermark/run.ts [--songs DIR] [--out bench/RESULTS-watermark.md] [--quick]
 *   (--quick writes to the temp folder unless --out is given)
 *
 * Attacks use the Debian lame / ffmpeg / sox binaries (bench only).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeAudio } from '../../server/audio/codec/index.js';
import type { PcmAudio } from '../../server/audio/codec/types.js';
import { detect, embed } from '../../server/audio/watermark/index.js';
import { decodeStats } from '../../server/audio/watermark/detect.js';
import { demoSongs } from './demo-songs.js';
import {
  changedUnmarkedClips,
  DESYNC_ATTACKS,
  desyncAttack,
  factorCell,
  impliedFalseReadRate,
  noteFactor,
  searchSpeed,
} from './desync.js';
import { ATTACKS, attack, requireTool } from '../../server/audio/watermark/testing/attacks.js';
import {
  excerpt,
  loudSong,
  noiseSong,
  pianoSong,
  popSong,
  snrDb,
  speechLike,
  whiteNoise,
} from '../../server/audio/watermark/testing/signals.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = args.includes('--quick');
// A --quick run is a smoke check: it must not overwrite the recorded full results.
const outFile =
  flag('out') ?? (quick ? path.join(os.tmpdir(), 'RESULTS-watermark.quick.md') : 'bench/RESULTS-watermark.md');
const songsDir = flag('songs');
const KEY = 'bench-secret-key';
const SONG_SECONDS = quick ? 30 : 60;

for (const t of ['lame', 'ffmpeg', 'sox'] as const) requireTool(t);

interface Song {
  name: string;
  pcm: PcmAudio;
  id: string;
}
const songs: Song[] = [
  {
    name: 'pop (with 2.5 s silence)',
    pcm: popSong(SONG_SECONDS, 44100, 21, { silence: true }),
    id: '1111222233334444',
  },
  { name: 'pop 2', pcm: popSong(SONG_SECONDS, 44100, 22), id: 'a5a5a5a55a5a5a5a' },
  { name: 'sparse piano', pcm: pianoSong(SONG_SECONDS, 44100, 23), id: '0123456789abcdef' },
  { name: 'loud / limited', pcm: loudSong(SONG_SECONDS, 44100, 24), id: 'fedcba9876543210' },
  { name: 'dense noise-like', pcm: noiseSong(SONG_SECONDS, 44100, 25), id: '00000000ffffffff' },
];
// the demo catalog's songs (the issue's test set), at their real lengths (at least 20 s)
const generated = songs.length;
const demo = demoSongs(3);
demo.forEach((d, i) => songs.push({ ...d, id: (0x0de0000000000000n + BigInt(i)).toString(16).padStart(16, '0') }));
if (songsDir && existsSync(songsDir)) {
  for (const f of readdirSync(songsDir)
    .filter((f) => f.toLowerCase().endsWith('.mp3'))
    .sort()) {
    const pcm = await decodeAudio(new Uint8Array(readFileSync(path.join(songsDir, f))));
    songs.push({ name: f, pcm, id: (0x1234567800000000n + BigInt(songs.length)).toString(16).padStart(16, '0') });
  }
}

const log = (s: string) => process.stdout.write(s + '\n');
const seconds = (p: PcmAudio) => p.channels[0]!.length / p.sampleRate;

function starts(dur: number, len: number, count: number): number[] {
  if (dur < len) return [];
  const span = dur - len;
  return Array.from({ length: count }, (_, i) => (count === 1 ? 0 : (span * i) / (count - 1)) + (i % 2) * 0.0123);
}
const N10 = quick ? 4 : 6;
const N5 = quick ? 6 : 10;
// excerpts per song through a desync attack (each read runs the factor search)
const D10 = quick ? 2 : 4;
const D5 = quick ? 2 : 4;

type Tally = { ok: number; n: number };
const per: Record<string, { whole: Tally; s10: Tally; s5: Tally }> = {};
const perSong: Record<string, Record<string, string>> = {};
const snrRows: string[] = [];
let minSnr = Infinity;
let maxPeak = 0;

for (const song of songs) {
  const marked = embed(song.pcm, song.id, KEY);
  const snr = snrDb(song.pcm, marked);
  minSnr = Math.min(minSnr, snr);
  let peak = 0;
  for (const c of marked.channels) for (let i = 0; i < c.length; i++) peak = Math.max(peak, Math.abs(c[i]!));
  maxPeak = Math.max(maxPeak, peak);
  snrRows.push(`| ${song.name} | ${seconds(song.pcm).toFixed(0)} s | ${snr.toFixed(1)} dB | ${peak.toFixed(4)} |`);
  log(`${song.name}: SNR ${snr.toFixed(1)} dB, peak ${peak.toFixed(4)}`);
  perSong[song.name] = {};
  for (const a of [...ATTACKS, ...DESYNC_ATTACKS]) {
    const desync = (DESYNC_ATTACKS as readonly string[]).includes(a);
    const att = desync
      ? await desyncAttack(marked, a as (typeof DESYNC_ATTACKS)[number])
      : await attack(marked, a as (typeof ATTACKS)[number]);
    const t = (per[a] ??= { whole: { ok: 0, n: 0 }, s10: { ok: 0, n: 0 }, s5: { ok: 0, n: 0 } });
    const dur = seconds(att);
    const ok = (p: PcmAudio) => detect(p, KEY)?.id === song.id;
    const rw = detect(att, KEY);
    const w = rw?.id === song.id;
    if (desync) noteFactor(a as (typeof DESYNC_ATTACKS)[number], w ? rw : null);
    t.whole.n++;
    if (w) t.whole.ok++;
    let o10 = 0;
    const st10 = starts(dur, 10, desync ? D10 : N10);
    for (const s of st10) if (ok(excerpt(att, s, 10))) o10++;
    let o5 = 0;
    const st5 = starts(dur, 5, desync ? D5 : N5);
    for (const s of st5) if (ok(excerpt(att, s, 5))) o5++;
    t.s10.ok += o10;
    t.s10.n += st10.length;
    t.s5.ok += o5;
    t.s5.n += st5.length;
    perSong[song.name]![a] = `${w ? 'Y' : 'n'} ${o10}/${st10.length} ${o5}/${st5.length}`;
    log(`  ${a.padEnd(16)} whole ${w ? 'ok' : 'FAIL'}  10s ${o10}/${st10.length}  5s ${o5}/${st5.length}`);
  }
}

// ---- false reads ----
log('false-read test ...');
const clips: { name: string; pcm: PcmAudio; key: string }[] = [];
let seed = 1000;
const material: [string, (s: number) => PcmAudio][] = [
  ['pop', (s) => popSong(10, 44100, s)],
  ['piano', (s) => pianoSong(10, 44100, s)],
  ['loud', (s) => loudSong(10, 44100, s)],
  ['noise-like', (s) => noiseSong(10, 44100, s)],
  ['speech-like', (s) => speechLike(10, 44100, s)],
  ['white noise', (s) => whiteNoise(10, 44100, s)],
];
const perKind = quick ? 5 : 30;
for (const [name, gen] of material) for (let i = 0; i < perKind; i++) clips.push({ name, pcm: gen(seed++), key: KEY });
// unmarked demo songs
for (const d of demo) {
  const dur = seconds(d.pcm);
  for (let i = 0; i < (quick ? 2 : 6); i++)
    clips.push({ name: 'demo songs', pcm: excerpt(d.pcm, ((dur - 10) * i) / 5, 10), key: KEY });
}
// marked audio read with the wrong key
for (const song of songs.slice(0, 5)) {
  const marked = embed(excerpt(song.pcm, 0, 20), song.id, KEY);
  for (let i = 0; i < (quick ? 4 : 10); i++)
    clips.push({ name: 'marked, wrong key', pcm: excerpt(marked, i, 10), key: `wrong-key-${i}` });
}
// some unmarked clips through MP3 64k
for (let i = 0; i < (quick ? 4 : 20); i++)
  clips.push({ name: 'pop via mp3 64k', pcm: await attack(popSong(10, 44100, 5000 + i), 'mp3_64'), key: KEY });
// unmarked clips sped up, slowed down, time-stretched or pitch-shifted: what a wider search is tempted by
for (const c of await changedUnmarkedClips(quick ? 3 : 48, 7000)) clips.push({ ...c, key: KEY });
let falseReads = 0;
const fpByKind: Record<string, Tally> = {};
const attemptsBefore = { ...decodeStats };
const tFalse0 = performance.now();
for (const c of clips) {
  const r = detect(c.pcm, c.key);
  const t = (fpByKind[c.name] ??= { ok: 0, n: 0 });
  t.n++;
  if (r) {
    falseReads++;
    t.ok++;
    log(`  FALSE READ on ${c.name}: ${r.id} ${r.confidence}`);
  }
}
log(`false reads: ${falseReads}/${clips.length}`);
const falseRate = impliedFalseReadRate(clips.length, attemptsBefore);
const falseClipMs = (performance.now() - tFalse0) / clips.length;

// ---- speed ----
log('speed ...');
const three = popSong(180, 44100, 77);
embed(popSong(5, 44100, 1), '0123456789abcdef', KEY); // warm-up (JIT, tables)
detect(popSong(5, 44100, 1), KEY);
const reps = 3;
let te = Infinity;
let td = Infinity;
let markedThree: PcmAudio = three;
for (let i = 0; i < reps; i++) {
  let t0 = performance.now();
  markedThree = embed(three, '0123456789abcdef', KEY);
  te = Math.min(te, performance.now() - t0);
  t0 = performance.now();
  const r = detect(markedThree, KEY);
  td = Math.min(td, performance.now() - t0);
  if (r?.id !== '0123456789abcdef') log('  WARNING: 3-minute song not detected');
}
const embedX = 180 / (te / 1000);
const detectX = 180 / (td / 1000);
log(`embed ${embedX.toFixed(0)}x, detect ${detectX.toFixed(0)}x real time`);
const { tf, tu, durFast } = await searchSpeed(markedThree, three, '0123456789abcdef', KEY, reps, log);

// ---- report ----
// one decimal unless exact, so that 956/960 does not print as 100%
const pct = (t: Tally) => (t.n ? `${t.ok === t.n ? '100' : ((100 * t.ok) / t.n).toFixed(1)}% (${t.ok}/${t.n})` : 'n/a');
const rows = ATTACKS.map((a) => `| ${a} | ${pct(per[a]!.whole)} | ${pct(per[a]!.s10)} | ${pct(per[a]!.s5)} |`);
const drows = DESYNC_ATTACKS.map(
  (a) => `| ${a} | ${pct(per[a]!.whole)} | ${pct(per[a]!.s10)} | ${pct(per[a]!.s5)} | ${factorCell(a)} |`,
);
const tot = (k: 'whole' | 's10' | 's5', skipNone = true) =>
  ATTACKS.filter((a) => !skipNone || a !== 'none').reduce(
    (acc, a) => ({ ok: acc.ok + per[a]![k].ok, n: acc.n + per[a]![k].n }),
    { ok: 0, n: 0 },
  );
const songRows = songs.map((s) => `| ${s.name} | ${ATTACKS.map((a) => perSong[s.name]![a]).join(' | ')} |`);
const dsongRows = songs.map((s) => `| ${s.name} | ${DESYNC_ATTACKS.map((a) => perSong[s.name]![a]).join(' | ')} |`);
const md = `# Watermark benchmark results

Reproduce: \`node_modules/.bin/tsx bench/watermark/run.ts${quick ? ' --quick' : ''}${songsDir ? ` --songs ${songsDir}` : ''}\`
(${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'unknown CPU'} x${os.cpus().length}, Node ${process.version}, ${os.platform()} ${os.release()}; single-threaded JS)

Test set: ${generated} songs of ${SONG_SECONDS} s generated in code (\`server/audio/watermark/testing/signals.ts\`) and ${demo.length} demo catalog songs (\`server/audio/demo\`, ${demo.map((d) => `${seconds(d.pcm).toFixed(0)} s`).join(', ')})${songsDir ? ` plus MP3s from ${songsDir}` : ''}.
Attacks: \`server/audio/watermark/testing/attacks.ts\` (lame 3.100 CBR, ffmpeg native \`aac\`, ffmpeg \`libvorbis\`, sox \`rate -v\`, \`channels 1\`, \`vol\`, \`lowpass 5000\`; white noise added in JS).
A read counts only if the exact 64-bit ID comes back. Excerpts: ${N10} x 10 s and ${N5} x 5 s per song and attack, spread over the song.

## Inaudibility (target: SNR >= 30 dB, no clipping)

| song | length | SNR of mark | output peak |
|---|---|---|---|
${snrRows.join('\n')}

Minimum SNR ${minSnr.toFixed(1)} dB, maximum output peak ${maxPeak.toFixed(4)} (<= 1.0: no clipping).

## Robustness (target: 100% at 10 s, >= 95% at 5 s)

| attack | whole song | 10 s excerpts | 5 s excerpts |
|---|---|---|---|
${rows.join('\n')}
| **all attacks (excl. none)** | ${pct(tot('whole'))} | ${pct(tot('s10'))} | ${pct(tot('s5'))} |

## Desynchronisation (targets: speed +-2%/+-5% every whole song and >= 95% of 10 s; +-10% >= 90%; tempo / pitch every whole song and >= 90% of 10 s)

sox \`speed\` (resampling), \`tempo\` (time-stretch), \`pitch\` (+-100 cents), output 44.1 kHz; then lame / ffmpeg for the combinations. ${D10} x 10 s and ${D5} x 5 s excerpts per song. "factor found" is the largest error of the reported factor on whole songs.

| attack | whole song | 10 s excerpts | 5 s excerpts | factor found |
|---|---|---|---|---|
${drows.join('\n')}

Per song (whole Y/n, 10 s ok/total, 5 s ok/total):

| song | ${ATTACKS.join(' | ')} |
|---|${ATTACKS.map(() => '---').join('|')}|
${songRows.join('\n')}

| song | ${DESYNC_ATTACKS.join(' | ')} |
|---|${DESYNC_ATTACKS.map(() => '---').join('|')}|
${dsongRows.join('\n')}

## False reads (target: none)

${falseReads} false reads on ${clips.length} unmarked / wrong-key clips of 10 s (every clip without a mark runs the whole factor search, ${falseClipMs.toFixed(0)} ms per clip):

| material | clips | false reads |
|---|---|---|
${Object.entries(fpByKind)
  .map(([k, t]) => `| ${k} | ${t.n} | ${t.ok} |`)
  .join('\n')}

Implied rate: ${falseRate}.

## Speed (3-minute 44.1 kHz stereo song, one core, best of ${reps})

- embed: ${(te / 1000).toFixed(2)} s = **${embedX.toFixed(0)}x real time** (target >= 300x)
- detect (whole song): ${(td / 1000).toFixed(2)} s = **${detectX.toFixed(0)}x real time** (target >= 50x)
- detect (whole song after sox speed 1.02, factor search included): ${(tf / 1000).toFixed(2)} s = **${(durFast / (tf / 1000)).toFixed(0)}x real time** (target >= 20x)
- detect (the unmarked song after sox speed 1.02: the whole search runs, nothing found): ${(tu / 1000).toFixed(2)} s = **${(durFast / (tu / 1000)).toFixed(0)}x real time**
(excluding file decoding/encoding; wall clock on a machine shared with other jobs, so these are lower bounds)
`;
writeFileSync(outFile, md);
log(`wrote ${outFile}`);

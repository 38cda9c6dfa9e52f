/**
 * The desynchronisation part of the watermark benchmark (issue 20): speed / tempo / pitch attacks and
 * their combinations, and unmarked clips changed the same way for the false-read test.
 */
import type { PcmAudio } from '../../server/audio/codec/types.js';
import { decodeStats, detect } from '../../server/audio/watermark/detect.js';
import { loudSong, noiseSong, pianoSong, popSong, speechLike } from '../../server/audio/watermark/testing/signals.js';
import { desyncAttack, desyncFactor, sox, type DesyncAttack } from '../../server/audio/watermark/testing/attacks.js';

export { DESYNC_ATTACKS, desyncAttack, desyncFactor } from '../../server/audio/watermark/testing/attacks.js';

/** Unmarked 10 s clips sped up, slowed down, time-stretched or pitch-shifted (deterministic factors). */
export async function changedUnmarkedClips(perKind: number, seed0: number): Promise<{ name: string; pcm: PcmAudio }[]> {
  const material: [string, (s: number) => PcmAudio][] = [
    ['pop', (s) => popSong(11, 44100, s)],
    ['piano', (s) => pianoSong(11, 44100, s)],
    ['loud', (s) => loudSong(11, 44100, s)],
    ['noise-like', (s) => noiseSong(11, 44100, s)],
    ['speech-like', (s) => speechLike(11, 44100, s)],
  ];
  const out: { name: string; pcm: PcmAudio }[] = [];
  let seed = seed0;
  for (const [name, gen] of material) {
    for (let i = 0; i < perKind; i++) {
      const kind = (['speed', 'tempo', 'pitch'] as const)[i % 3]!;
      const f = kind === 'speed' ? 0.9 + (0.2 * i) / perKind : kind === 'tempo' ? 0.95 + (0.1 * i) / perKind : 0;
      const arg = kind === 'pitch' ? String(Math.round(-100 + (200 * i) / perKind)) : f.toFixed(4);
      const pcm = await sox(gen(seed++), [kind, arg], ['-r', '44100', '-b', '16']);
      out.push({
        name: `${name}, sox ${kind} (unmarked)`,
        pcm: { ...pcm, channels: pcm.channels.map((c) => c.slice(0, 10 * 44100)) },
      });
    }
  }
  return out;
}

/** Largest error of the factor that the detector reported on whole songs, per attack. */
export const factorError: Partial<Record<DesyncAttack, number>> = {};
export function noteFactor(a: DesyncAttack, r: { change: string; factor: number } | null): void {
  if (!r) return;
  const want = desyncFactor(a);
  const err = r.change === want.change ? Math.abs(r.factor - want.value) : Infinity;
  factorError[a] = Math.max(factorError[a] ?? 0, err);
}

export function factorCell(a: DesyncAttack): string {
  const e = factorError[a];
  if (e === undefined) return 'n/a';
  return e === Infinity ? 'wrong kind on some song' : `${desyncFactor(a).change} ±${(e * 100).toFixed(2)}%`;
}

/** False-read rate that the decode attempts imply (CRC-16; searched reads also need agreement >= 0.6). */
export function impliedFalseReadRate(clips: number, before: { attempts: number; searched: number }): string {
  const plain = decodeStats.attempts - before.attempts;
  const searched = decodeStats.searched - before.searched;
  const perClip = (plain * 2 ** -16 + searched * 2 ** -16 * 0.0013) / clips;
  return `${plain} unwarped and ${searched} searched decode attempts on ${clips} clips: each passes the CRC-16 by chance with p = 2^-16, a searched one also needs codeword agreement >= 0.6 (0.13% of decodes of noise reach it, measured on 20 000), so about **${perClip.toExponential(1)} false reads per clip** (${(((searched * 2 ** -16 * 0.0013) / clips) * 1e6).toFixed(3)} per million clips from the search)`;
}

/** Detection time of a marked song sped up 2% (read through the search) and of the unmarked one (full search). */
export async function searchSpeed(
  marked: PcmAudio,
  plain: PcmAudio,
  id: string,
  key: string,
  reps: number,
  log: (s: string) => void,
) {
  const fast = await desyncAttack(marked, 'speed_1.02');
  const plainFast = await desyncAttack(plain, 'speed_1.02');
  let tf = Infinity;
  let tu = Infinity;
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    const r = detect(fast, key);
    tf = Math.min(tf, performance.now() - t0);
    if (r?.id !== id) log('  WARNING: 3-minute song at speed 1.02 not detected');
    t0 = performance.now();
    if (detect(plainFast, key)) log('  WARNING: false read on the unmarked 3-minute song');
    tu = Math.min(tu, performance.now() - t0);
  }
  return { tf, tu, durFast: fast.channels[0]!.length / fast.sampleRate };
}

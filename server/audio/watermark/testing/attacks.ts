/**
 * Signal-processing attacks for tests and benchmarks, done with the Debian `lame`, `ffmpeg` and `sox`
 * binaries (test/bench only: product code never shells out). Missing binaries throw, they never skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeAudio } from '../../codec/decode.js';
import { encodeWav } from '../../codec/wav.js';
import type { PcmAudio } from '../../codec/types.js';
import { rng } from './signals.js';

export function requireTool(name: 'lame' | 'ffmpeg' | 'sox'): void {
  const r = spawnSync(name, [name === 'ffmpeg' ? '-version' : '--version'], { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    throw new Error(
      `\`${name}\` is required for watermark robustness tests/benchmarks but was not found: install it (e.g. \`apt-get install ${name}\`)`,
    );
  }
}

function withTmp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'wm-attack-'));
  return fn(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}

function run(cmd: string, args: string[]) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 << 20 });
}

async function viaFiles(pcm: PcmAudio, steps: (inp: string, dir: string) => string): Promise<PcmAudio> {
  return withTmp(async (dir) => {
    const inp = path.join(dir, 'in.wav');
    writeFileSync(inp, encodeWav(pcm));
    const out = steps(inp, dir);
    return decodeAudio(new Uint8Array(readFileSync(out)));
  });
}

export async function mp3(pcm: PcmAudio, kbps: number): Promise<PcmAudio> {
  requireTool('lame');
  return viaFiles(pcm, (inp, dir) => {
    const out = path.join(dir, 'out.mp3');
    run('lame', ['--quiet', '-b', String(kbps), '--cbr', inp, out]);
    return out;
  });
}

export async function ffmpegCodec(
  pcm: PcmAudio,
  codec: 'aac' | 'libvorbis' | 'libopus',
  kbps: number,
): Promise<PcmAudio> {
  requireTool('ffmpeg');
  return viaFiles(pcm, (inp, dir) => {
    const ext = codec === 'aac' ? 'm4a' : codec === 'libopus' ? 'opus' : 'ogg';
    const enc = path.join(dir, `out.${ext}`);
    run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', inp, '-c:a', codec, '-b:a', `${kbps}k`, enc]);
    if (codec === 'libvorbis') return enc; // decoded by our own Ogg Vorbis decoder
    const dec = path.join(dir, 'dec.wav');
    run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', enc, '-c:a', 'pcm_f32le', dec]);
    return dec;
  });
}

export async function sox(pcm: PcmAudio, effect: string[], outOpts: string[] = []): Promise<PcmAudio> {
  requireTool('sox');
  return viaFiles(pcm, (inp, dir) => {
    const out = path.join(dir, 'out.wav');
    run('sox', ['-q', '-R', inp, ...outOpts, out, ...effect]); // -R: repeatable (no random dither)
    return out;
  });
}

export function addWhiteNoise(pcm: PcmAudio, snrDb: number, seed = 99): PcmAudio {
  const r = rng(seed);
  let e = 0;
  let n = 0;
  for (const c of pcm.channels) for (let i = 0; i < c.length; i++, n++) e += c[i]! * c[i]!;
  const sigma = Math.sqrt(e / Math.max(1, n) / 10 ** (snrDb / 10));
  const amp = sigma * Math.sqrt(3); // uniform noise with std sigma
  return {
    sampleRate: pcm.sampleRate,
    channels: pcm.channels.map((c) => {
      const o = new Float32Array(c.length);
      for (let i = 0; i < c.length; i++) o[i] = c[i]! + amp * (2 * r() - 1);
      return o;
    }),
  };
}

export type AttackName =
  | 'none'
  | 'mp3_128'
  | 'mp3_64'
  | 'aac_96'
  | 'ogg_96'
  | 'mp3_128x2'
  | 'resample_22050'
  | 'resample_48000'
  | 'mono'
  | 'gain_-10dB'
  | 'gain_+6dB_clip'
  | 'noise_20dB'
  | 'lowpass_5k';

export const ATTACKS: AttackName[] = [
  'none',
  'mp3_128',
  'mp3_64',
  'aac_96',
  'ogg_96',
  'mp3_128x2',
  'resample_22050',
  'resample_48000',
  'mono',
  'gain_-10dB',
  'gain_+6dB_clip',
  'noise_20dB',
  'lowpass_5k',
];

export async function attack(pcm: PcmAudio, name: AttackName): Promise<PcmAudio> {
  switch (name) {
    case 'none':
      return pcm;
    case 'mp3_128':
      return mp3(pcm, 128);
    case 'mp3_64':
      return mp3(pcm, 64);
    case 'aac_96':
      return ffmpegCodec(pcm, 'aac', 96);
    case 'ogg_96':
      return ffmpegCodec(pcm, 'libvorbis', 96);
    case 'mp3_128x2':
      return mp3(await mp3(pcm, 128), 128);
    case 'resample_22050':
      return sox(pcm, ['rate', '-v', '22050']);
    case 'resample_48000':
      return sox(pcm, ['rate', '-v', '48000']);
    case 'mono':
      return sox(pcm, ['channels', '1']);
    case 'gain_-10dB':
      return sox(pcm, ['vol', '-10dB']);
    case 'gain_+6dB_clip':
      return sox(pcm, ['vol', '6dB']); // sox clips (and warns) at 16-bit full scale
    case 'noise_20dB':
      return addWhiteNoise(pcm, 20);
    case 'lowpass_5k':
      return sox(pcm, ['lowpass', '5000']);
  }
}

/**
 * Desynchronisation attacks (issue 20): sox `speed` (resampling: tempo and pitch change together),
 * `tempo` (time-stretch, pitch kept), `pitch` (cents, tempo kept), and the combinations a re-upload
 * makes. Every output is 44.1 kHz.
 */
export const DESYNC_ATTACKS = [
  'speed_1.02',
  'speed_0.98',
  'speed_1.05',
  'speed_0.95',
  'speed_1.10',
  'speed_0.90',
  'tempo_0.95',
  'tempo_0.97',
  'tempo_1.05',
  'pitch_+1st',
  'pitch_-1st',
  'speed_1.03+mp3_128',
  'tempo_0.97+aac_96',
  'speed_1.02+opus_32',
] as const;
export type DesyncAttack = (typeof DESYNC_ATTACKS)[number];

export async function desyncAttack(pcm: PcmAudio, name: DesyncAttack): Promise<PcmAudio> {
  const [first, codec] = name.split('+') as [string, string | undefined];
  const [kind, arg] = first.split('_') as ['speed' | 'tempo' | 'pitch', string];
  const value = kind === 'pitch' ? String(Number(arg.replace('st', '')) * 100) : arg;
  const out = await sox(pcm, [kind, value], ['-r', '44100']);
  if (codec === 'mp3_128') return mp3(out, 128);
  if (codec === 'aac_96') return ffmpegCodec(out, 'aac', 96);
  if (codec === 'opus_32') {
    // Opus decodes at 48 kHz: back to 44.1 kHz like a player would
    return sox(await ffmpegCodec(out, 'libopus', 32), ['rate', '-v', '44100']);
  }
  return out;
}

/** The factor a desync attack applied, as the detector reports it. */
export function desyncFactor(name: DesyncAttack): { change: 'speed' | 'tempo' | 'pitch'; value: number } {
  const [kind, arg] = name.split('+')[0]!.split('_') as ['speed' | 'tempo' | 'pitch', string];
  return { change: kind, value: kind === 'pitch' ? 2 ** (Number(arg.replace('st', '')) / 12) : Number(arg) };
}

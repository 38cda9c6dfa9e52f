/**
 * Watermark command line tool.
 *
 *   npx tsx server/audio/cli/mark.ts embed IN OUT --id HEX16 [--key K] [--bitrate 192]
 *   npx tsx server/audio/cli/mark.ts detect FILE [--key K]
 *
 * IN/FILE may be MP3, WAV, FLAC or Ogg Vorbis (recognised by content). OUT's extension picks the output
 * format: .mp3 (CBR, --bitrate kbit/s, default 192) or .wav (16-bit PCM).
 * The key is --key, else env WATERMARK_KEY, else the public demo key "tokenly-demo-watermark-key"
 * (never use the demo key in production: anyone could read and forge marks with it).
 * Exit status: 0 = done / mark found, 1 = no mark found, 2 = usage or input error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeAudio, encodeMp3, encodeWav } from '../codec/index.js';
import { detect, embed } from '../watermark/index.js';

export const DEMO_KEY = 'tokenly-demo-watermark-key';

function usage(msg?: string): never {
  if (msg) console.error(`error: ${msg}`);
  console.error(
    'usage: mark.ts embed IN OUT --id HEX16 [--key K] [--bitrate KBPS]\n       mark.ts detect FILE [--key K]',
  );
  process.exit(2);
}

function parse(argv: string[]) {
  const pos: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else {
        const v = argv[++i];
        if (v === undefined) usage(`${a} needs a value`);
        flags[a.slice(2)] = v;
      }
    } else pos.push(a);
  }
  return { pos, flags };
}

async function main() {
  const { pos, flags } = parse(process.argv.slice(2));
  const key = flags.key ?? process.env.WATERMARK_KEY ?? DEMO_KEY;
  const cmd = pos[0];
  if (cmd === 'embed') {
    const [, inp, out] = pos;
    if (!inp || !out) usage('embed needs IN and OUT');
    const id = flags.id;
    if (!id || !/^[0-9a-fA-F]{16}$/.test(id)) usage('--id must be 16 hex characters (64 bits)');
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.mp3' && ext !== '.wav') usage('OUT must end in .mp3 or .wav');
    const pcm = await decodeAudio(new Uint8Array(readFileSync(inp)));
    const t0 = performance.now();
    const marked = embed(pcm, id, key);
    const ms = performance.now() - t0;
    const bytes =
      ext === '.mp3' ? await encodeMp3(marked, { bitrate: Number(flags.bitrate ?? 192) }) : encodeWav(marked);
    writeFileSync(out, bytes);
    const secs = pcm.channels[0]!.length / pcm.sampleRate;
    console.log(
      `embedded ${id.toLowerCase()} into ${out} (${secs.toFixed(1)} s audio, ${(secs / (ms / 1000)).toFixed(0)}x real time)`,
    );
    return 0;
  }
  if (cmd === 'detect') {
    const file = pos[1];
    if (!file) usage('detect needs FILE');
    const pcm = await decodeAudio(new Uint8Array(readFileSync(file)));
    const r = detect(pcm, key);
    if (!r) {
      console.log('no mark');
      return 1;
    }
    const through = r.change === 'none' ? '' : ` (read through ${r.change} ${r.factor})`;
    console.log(`${r.id} confidence ${r.confidence.toFixed(3)}${through}`);
    return 0;
  }
  usage(cmd ? `unknown command ${cmd}` : undefined);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);

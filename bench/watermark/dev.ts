// Diagnostic harness: node_modules/.bin/tsx bench/watermark/dev.ts [attack...]
import { embed } from '../../server/audio/watermark/embed.js';
import { findSync, softBits, decodeSoft } from '../../server/audio/watermark/detect.js';
import { getLayout } from '../../server/audio/watermark/layout.js';
import { convEncode } from '../../server/audio/watermark/conv.js';
import { payloadBits } from '../../server/audio/watermark/crc.js';
import { idToBytes } from '../../server/audio/watermark/id.js';
import { monoAtRate } from '../../server/audio/watermark/features.js';
import {
  popSong,
  pianoSong,
  loudSong,
  noiseSong,
  excerpt,
  snrDb,
} from '../../server/audio/watermark/testing/signals.js';
import { attack, type AttackName } from '../../server/audio/watermark/testing/attacks.js';

const KEY = 'dev-key';
const ID = 'deadbeef01234567';
const strength = process.env.S ? Number(process.env.S) : undefined;
const attacks = (process.argv.slice(2) as AttackName[]).length
  ? (process.argv.slice(2) as AttackName[])
  : (['none', 'mp3_64'] as AttackName[]);
const coded = convEncode(payloadBits(idToBytes(ID)));
const layout = getLayout(KEY);
const songs = {
  pop: popSong(40, 44100, 1, { silence: true }),
  piano: pianoSong(40),
  loud: loudSong(40),
  noise: noiseSong(40),
};
for (const [name, song] of Object.entries(songs)) {
  const t0 = performance.now();
  const m = embed(song, ID, KEY, { strength });
  const te = performance.now() - t0;
  console.log(`${name}: snr ${snrDb(song, m).toFixed(1)} dB embed ${((40 * 1000) / te).toFixed(0)}x`);
  for (const a of attacks) {
    const att = await attack(m, a);
    const rows: string[] = [];
    for (const len of [40, 10, 5]) {
      let ok = 0;
      let tot = 0;
      let zs = 0;
      let snrs = 0;
      const starts = len >= 40 ? [0] : [0, 3.3, 7.7, 12.1, 17.9, 22.2, 26.5, 29.9].filter((s) => s + len <= 40);
      for (const st of starts) {
        const ex = excerpt(att, st, len);
        const x = monoAtRate(ex);
        const c = findSync(x, KEY, 6);
        const best = c[0]!;
        const soft = softBits(best, layout);
        let mu = 0;
        let e = 0;
        for (let i = 0; i < soft.length; i++) {
          const v = soft[i]! * (coded[i] ? 1 : -1);
          mu += v;
          e += v * v;
        }
        mu /= soft.length;
        const sd = Math.sqrt(e / soft.length - mu * mu);
        let good = false;
        for (const cc of c) {
          if (cc.z < 3) break;
          const r = decodeSoft(softBits(cc, layout));
          if (r && r.agreement > 0.25) {
            good = Buffer.from(r.id).toString('hex') === ID;
            break;
          }
        }
        tot++;
        if (good) ok++;
        zs += best.z;
        snrs += mu / sd;
      }
      rows.push(`${len}s ${ok}/${tot} z=${(zs / tot).toFixed(1)} bitSNR=${(snrs / tot).toFixed(2)}`);
    }
    console.log(`  ${a.padEnd(16)} ${rows.join(' | ')}`);
  }
}

/**
 * A few songs of the demo catalog, synthesised in code exactly as the demo seeding renders them
 * (server/audio/demo), brought to 44.1 kHz stereo like a delivered MP3 would decode.
 */
import { DEMO_ALBUMS, DEMO_ARTISTS, songSpec } from '../../server/audio/demo/plan.js';
import { SYNTH_RATE, synthesizeSong } from '../../server/audio/demo/synth.js';
import { resample } from '../../server/audio/codec/resample.js';
import type { PcmAudio } from '../../server/audio/codec/types.js';

export interface DemoSong {
  name: string;
  pcm: PcmAudio;
}

/** The first song of the first album of `count` different artists, in catalog order. */
export function demoSongs(count: number, minSeconds = 20): DemoSong[] {
  const out: DemoSong[] = [];
  const seen = new Set<string>();
  for (const album of DEMO_ALBUMS) {
    if (out.length >= count) break;
    if (seen.has(album.artistKey)) continue;
    seen.add(album.artistKey);
    const artist = DEMO_ARTISTS.find((a) => a.key === album.artistKey)!;
    const title = album.songs[0]!;
    const spec = songSpec(artist, album.key, title, 0);
    spec.durationSec = Math.max(minSeconds, spec.durationSec);
    const channels = synthesizeSong(spec).map((c) => resample(c, SYNTH_RATE, 44100));
    out.push({
      name: `demo: ${title} (${artist.name}, ${artist.drums === 'none' ? 'no' : artist.drums} drums)`,
      pcm: { sampleRate: 44100, channels },
    });
  }
  return out;
}

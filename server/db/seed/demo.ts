import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import { renderArtworkSvg, renderAvatarSvg } from '../../audio/demo/artwork.js';
import { demoLyrics } from '../../audio/demo/lyrics.js';
import { DEMO_ALBUMS, DEMO_ARTISTS, songPriceCredits, songSpec } from '../../audio/demo/plan.js';
import { renderSongs } from '../../audio/demo/render-pool.js';
import { onAudioWanted, RenderQueue } from '../../audio/demo/render-queue.js';
import type { RenderJob } from '../../audio/demo/render-worker.js';
import { mediaDirs } from '../../storage/files.js';
import type { Db, Queryable } from '../connection.js';
import { ensureInvite, insertCatalog, stableUuid, type CatalogPlan } from './catalog-writer.js';
import { createVoucher } from '../../money/index.js';
import { seedListeningHistory } from './history.js';
import { createSeedUser } from './users.js';
import { randomAlnum } from '../../lib/random.js';

export const DEMO_USERS = {
  demo: {
    username: 'demo',
    password: 'demo-password',
    email: 'demo@example.com',
    credits: 250,
    tokens: { LITTLECOLOR: 1, CHIPSFANS: 1 },
  },
  artist: { username: 'artist', password: 'artist-password', email: 'artist@example.com', credits: 50 },
  newartist: { username: 'newartist', password: 'newartist-password', email: 'newartist@example.com', credits: 10 },
};
const MARKER = 'demo_seed';
/** A voucher every account may redeem once on the Credits page (20 credits). */
export const DEMO_VOUCHER = 'TRY-TOKENLY';

const ids = {
  artist: (key: string) => stableUuid(`demo:artist:${key}`),
  album: (key: string) => stableUuid(`demo:album:${key}`),
  song: (albumKey: string, name: string) => stableUuid(`demo:song:${albumKey}:${name}`),
};

/** The catalog plan and, for each song, how to synthesize it. */
export function demoPlan(): { plan: CatalogPlan; specs: Map<string, RenderJob['spec']> } {
  const specs = new Map<string, RenderJob['spec']>();
  const plan: CatalogPlan = {
    artists: DEMO_ARTISTS.map((a) => ({
      id: ids.artist(a.key),
      name: a.name,
      website: a.website,
      bio: a.bio,
      genre: a.genre,
      tags: a.tags,
      // where listeners get the artist's tokens (a locked song links to it)
      marketsCatalog: a.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      picturePath: `${ids.artist(a.key)}.svg`,
    })),
    albums: DEMO_ALBUMS.map((al) => ({
      id: ids.album(al.key),
      name: al.name,
      description: al.description,
      artistProfileId: ids.artist(al.artistKey),
      artist: DEMO_ARTISTS.find((a) => a.key === al.artistKey)!.name,
      artworkPath: `${ids.album(al.key)}.svg`,
      releaseDate: al.releaseDate,
    })),
    songs: [],
  };
  for (const al of DEMO_ALBUMS) {
    const artist = DEMO_ARTISTS.find((a) => a.key === al.artistKey)!;
    al.songs.forEach((name, i) => {
      const id = ids.song(al.key, name);
      const spec = songSpec(artist, al.key, name, i);
      specs.set(id, spec);
      plan.songs.push({
        id,
        albumId: ids.album(al.key),
        trackNumber: i + 1,
        name,
        description: `${name}, track ${i + 1} of ${al.name}.`,
        artist: artist.name,
        artistProfileId: ids.artist(artist.key),
        genre: artist.genre,
        tags: [...artist.tags.slice(0, 2), spec.instrument, spec.tempoBpm >= 110 ? 'upbeat' : 'mellow'],
        tokens: [al.token],
        publicStreamable: al.publicStreamable,
        priceSat: songPriceCredits(spec) * 100_000_000,
        durationSec: spec.durationSec,
        releaseDate: al.releaseDate,
        copyright: `${artist.name} ${al.releaseDate.slice(0, 4)}`,
        lyrics: demoLyrics(al.key, name, spec.durationSec),
      });
    });
  }
  return { plan, specs };
}

/**
 * The demo listener's and a few fans' listening history, as real journal entries: artists'
 * Earnings pages (Mind To Matter's above all) show plays and credits on a fresh start. The fans
 * have random passwords: they are listeners nobody logs in as.
 */
async function seedHistory(tx: Queryable, plan: CatalogPlan, config: Config, demo: typeof DEMO_USERS.demo) {
  const fans = [];
  for (const name of ['fan-ana', 'fan-bo', 'fan-cy']) {
    const password = randomAlnum(24, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789');
    const id = await createSeedUser(tx, { username: name, password, email: `${name}@example.com`, credits: 60 });
    fans.push({ id, tokens: [], plays: 14 });
  }
  const demoId = stableUuid(`user:${demo.username}`);
  await seedListeningHistory(tx, plan, [{ id: demoId, tokens: Object.keys(demo.tokens), plays: 24 }, ...fans], {
    feePercent: config.platformFeePercent,
    preferArtist: ids.artist('mind'),
  });
}

async function marker(db: Queryable): Promise<string | undefined> {
  const r = await db.query<{ value: string }>('select value from server_settings where key = $1', [MARKER]);
  return r.rows[0]?.value;
}

async function setMarker(db: Queryable, value: string): Promise<void> {
  await db.query(
    `insert into server_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
    [MARKER, value],
  );
}

function writeImages(config: Config, plan: CatalogPlan): void {
  const dirs = mediaDirs(config.dataDir);
  fs.mkdirSync(dirs.artwork, { recursive: true });
  fs.mkdirSync(dirs.pictures, { recursive: true });
  DEMO_ALBUMS.forEach((al, i) => {
    const file = path.join(dirs.artwork, `${ids.album(al.key)}.svg`);
    const artist = plan.albums[i]!.artist;
    if (!fs.existsSync(file)) fs.writeFileSync(file, renderArtworkSvg({ seed: i * 7919 + 13, title: al.name, artist }));
  });
  DEMO_ARTISTS.forEach((a, i) => {
    const file = path.join(dirs.pictures, `${ids.artist(a.key)}.svg`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, renderAvatarSvg({ seed: i * 104729 + 7, name: a.name }));
  });
}

export interface DemoSeeding {
  /** renders the songs' audio in the background (the server already answers meanwhile) */
  start(): void;
  stop(): Promise<void>;
}

/**
 * Seeds the demo catalog on a fresh data directory (or when SEED_DEMO=1): the rows at once, the
 * audio in the background. A start interrupted while rendering picks up where it stopped.
 */
export async function prepareDemoData(db: Db, config: Config, log: FastifyBaseLogger): Promise<DemoSeeding> {
  const idle: DemoSeeding = { start() {}, stop: async () => {} };
  if (config.seedDemo === false) return idle;
  const state = await marker(db);
  if (state === 'done') return idle;
  const { plan, specs } = demoPlan();
  if (state === undefined) {
    const users = await db.query<{ n: number }>('select count(*)::int as n from users');
    if (config.seedDemo === undefined && (users.rows[0]?.n ?? 0) > 0) return idle; // not a fresh data directory
    await db.transaction(async (tx) => {
      await insertCatalog(tx, plan);
      await ensureInvite(tx, 'WELCOME', null);
      await createSeedUser(tx, DEMO_USERS.demo);
      const artistId = await createSeedUser(tx, DEMO_USERS.artist);
      await tx.query('update artist_profiles set user_id = $1 where id = $2', [artistId, ids.artist('mind')]);
      // An artist with a profile and nothing released yet: the whole release flow from the start.
      const newArtistId = await createSeedUser(tx, DEMO_USERS.newartist);
      await tx.query(
        `insert into artist_profiles (id, user_id, name, bio, genre, tags, featured)
         values ($1, $2, 'Nova Lights', 'A new artist: nothing released __yet__.', 'Synthpop', '{synth}', false)`,
        [ids.artist('newartist'), newArtistId],
      );
      await seedHistory(tx, plan, config, DEMO_USERS.demo);
      await createVoucher(tx, { code: DEMO_VOUCHER, creditsSat: 20e8, uses: null });
      await setMarker(tx, 'catalog');
    });
    log.info(
      `demo catalog seeded: ${plan.albums.length} albums, ${plan.songs.length} songs; users demo, artist and newartist`,
    );
  }
  writeImages(config, plan);

  const controller = new AbortController();
  let running: Promise<void> | undefined;
  const audioDir = mediaDirs(config.dataDir).audio;
  return {
    start() {
      running = (async () => {
        // In the order listeners reach them: what the demo listener played last, then every album's
        // first song (newest albums first, as home lists them), then every album's second song…
        const missing = await db.query<{ id: string }>(
          `select s.id from songs s join albums a on a.id = s.album_id
            where s.audio_path is null
            order by (select max(h.played_at) from listening_history h where h.song_id = s.id) desc nulls last,
                     s.track_number, a.release_date desc nulls last, s.id`,
        );
        const jobs = new RenderQueue(
          missing.rows
            .filter((r) => specs.has(r.id))
            .map((r) => ({ id: r.id, spec: specs.get(r.id)!, file: path.join(audioDir, `${r.id}.mp3`) })),
        );
        // a song someone pressed Play on is the next one rendered
        const unlisten = onAudioWanted((id) => jobs.prefer(id));
        controller.signal.addEventListener('abort', unlisten);
        if (jobs.size) {
          fs.mkdirSync(audioDir, { recursive: true });
          const t0 = Date.now();
          log.info(`rendering the audio of ${jobs.size} demo songs in the background…`);
          await renderSongs(
            jobs,
            async (r) => {
              await db.query(
                `update songs set audio_path = $2, audio_size = $3, duration_sec = $4, loudness_lufs = $5,
                   true_peak_db = $6 where id = $1`,
                [r.id, `${r.id}.mp3`, r.bytes, r.durationSec, r.loudness.lufs, r.loudness.truePeakDb],
              );
            },
            { signal: controller.signal },
          );
          unlisten();
          if (controller.signal.aborted) return;
          log.info(`demo audio ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        }
        await setMarker(db, 'done');
      })().catch((err: unknown) => log.error({ err }, 'demo audio rendering failed'));
    },
    async stop() {
      controller.abort();
      await running;
    },
  };
}

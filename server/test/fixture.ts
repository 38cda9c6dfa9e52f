import type { Db } from '../db/connection.js';
import { ensureInvite, insertCatalog, stableUuid, type CatalogPlan, type SongPlan } from '../db/seed/catalog-writer.js';
import { createSeedUser } from '../db/seed/users.js';

/** A small, known catalog for API tests: every filter of the search has something to find. */
export const F = {
  artists: {
    chips: stableUuid('t:artist:chips'),
    whales: stableUuid('t:artist:whales'),
    quiet: stableUuid('t:artist:quiet'),
  },
  albums: {
    robots: stableUuid('t:album:robots'),
    ocean: stableUuid('t:album:ocean'),
    night: stableUuid('t:album:night'),
    removed: stableUuid('t:album:removed'),
  },
  users: { alice: { username: 'alice', password: 'alice-password-1', email: 'alice@example.com' } },
  invite: 'TESTINVITE',
  limitedInvite: 'ONCEONLY',
};

const song = (albumId: string, n: number, name: string, extra: Partial<SongPlan>): SongPlan => ({
  id: stableUuid(`t:song:${albumId}:${n}`),
  albumId,
  trackNumber: n,
  name,
  description: `${name} description`,
  artist: 'Mr. Chips',
  artistProfileId: F.artists.chips,
  genre: 'Alternative',
  tags: ['bitcoin'],
  tokens: [],
  publicStreamable: true,
  priceSat: 200_000_000,
  durationSec: 30,
  releaseDate: '2016-03-26T20:31:12Z',
  ...extra,
});

export function fixturePlan(): CatalogPlan {
  const whales = { artist: 'The Blue Whales', artistProfileId: F.artists.whales };
  return {
    artists: [
      {
        id: F.artists.chips,
        name: 'Mr. Chips',
        website: 'http://mrchipssite.com',
        bio: 'AI __rock__.',
        genre: 'AI Rock',
        tags: ['ai', 'rock'],
        picturePath: null,
      },
      {
        id: F.artists.whales,
        name: 'The Blue Whales',
        website: '',
        bio: '',
        genre: 'Ambient',
        tags: ['ocean'],
        picturePath: null,
      },
      { id: F.artists.quiet, name: 'Quiet Person', website: '', bio: '', genre: 'Folk', tags: [], picturePath: null },
    ],
    albums: [
      {
        id: F.albums.robots,
        name: 'Robot Dreams',
        description: 'Songs of machines',
        artistProfileId: F.artists.chips,
        artist: 'Mr. Chips',
        artworkPath: 'robots.svg',
        releaseDate: '2016-01-10T00:00:00Z',
      },
      {
        id: F.albums.ocean,
        name: 'Deep Ocean',
        description: 'Songs of the sea',
        artistProfileId: F.artists.whales,
        artist: 'The Blue Whales',
        artworkPath: null,
        releaseDate: '2017-05-01T00:00:00Z',
      },
      {
        id: F.albums.night,
        name: 'Night Shift',
        description: '',
        artistProfileId: F.artists.chips,
        artist: 'Mr. Chips',
        artworkPath: null,
        releaseDate: null,
      },
      {
        id: F.albums.removed,
        name: 'Withdrawn Record',
        description: '',
        artistProfileId: F.artists.chips,
        artist: 'Mr. Chips',
        artworkPath: null,
        releaseDate: null,
      },
    ],
    songs: [
      song(F.albums.robots, 1, 'Electric Sheep', { tags: ['bitcoin', 'rock', 'techno'], tokens: ['ROBOTS'] }),
      song(F.albums.robots, 2, 'Circuit Love', { tags: ['rock'], tokens: ['ROBOTS'], genre: 'Rock' }),
      song(F.albums.robots, 3, 'Silicon Heart', {
        tags: ['techno'],
        tokens: ['ROBOTS', 'CHIPSFAN'],
        publicStreamable: false,
      }),
      song(F.albums.ocean, 1, 'Whale Song', {
        ...whales,
        genre: 'Ambient',
        tags: ['ocean', 'calm'],
        tokens: ['OCEAN'],
      }),
      song(F.albums.ocean, 2, 'Tide Pool', {
        ...whales,
        genre: 'Ambient',
        tags: ['ocean'],
        tokens: ['OCEAN'],
        priceSat: 100_000_000,
      }),
      song(F.albums.ocean, 3, 'Electric Eel', { ...whales, genre: 'Rock', tags: ['ocean', 'rock'], tokens: ['OCEAN'] }),
      song(F.albums.night, 1, 'Midnight Robots', { genre: 'Techno', tags: ['techno', 'night'], tokens: ['NIGHT'] }),
      song(F.albums.night, 2, 'Street Lights', { genre: 'Techno', tags: ['night'], tokens: ['NIGHT'], isSingle: true }),
      song(F.albums.removed, 1, 'Gone Song', { tokens: ['GONE'] }),
      song(F.albums.ocean, 4, 'Unsigned Shanty', {
        artist: 'Harbor Crew',
        artistProfileId: null,
        genre: 'Folk',
        tags: ['sea'],
      }),
    ],
  };
}

/** Every fixture song plays the same short real MP3 (see global-setup), stored under its own name. */
export async function loadFixture(db: Db, audioSize: number): Promise<void> {
  const plan = fixturePlan();
  for (const s of plan.songs) Object.assign(s, { audioPath: `${s.id}.mp3`, audioSize });
  await db.transaction(async (tx) => {
    await insertCatalog(tx, plan);
    await tx.query('update albums set removed_at = now() where id = $1', [F.albums.removed]);
    await ensureInvite(tx, F.invite, null);
    await ensureInvite(tx, F.limitedInvite, 1);
    await createSeedUser(tx, { ...F.users.alice, credits: 10, tokens: { OCEAN: 1 } });
  });
}

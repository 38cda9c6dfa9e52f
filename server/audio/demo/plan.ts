import type { Drums, Instrument, Scale, SongSpec } from './synth.js';

/** The demo catalog of RUNTIME.md, as data: 7 artists, 11 albums, 66 songs over 7 genres. */
export interface DemoArtist {
  key: string;
  name: string;
  genre: string;
  tags: string[];
  website: string;
  bio: string;
  instrument: Instrument;
  drums: Drums;
  scale: Scale;
  tempo: [number, number];
}

export interface DemoAlbum {
  key: string;
  artistKey: string;
  name: string;
  description: string;
  token: string;
  /** false: token-gated, the songs are not publicly streamable */
  publicStreamable: boolean;
  releaseDate: string;
  songs: string[];
  /** the songs flow into each other (no fade between them): the album to hear gapless playback on */
  continuous?: boolean;
}

export const DEMO_ARTISTS: DemoArtist[] = [
  {
    key: 'mind',
    name: 'Mind To Matter',
    genre: 'Electronic',
    tags: ['electronic', 'chill', 'instrumental'],
    website: 'https://mindtomatter.example',
    bio: 'Warm **electronic** sketches made between midnight and sunrise.\n\n- Synths\n- Drum machines\n- [Listen on the site](https://mindtomatter.example)',
    instrument: 'saw-lead',
    drums: 'electro',
    scale: 'minor',
    tempo: [112, 126],
  },
  {
    key: 'chips',
    name: 'Mr. Chips',
    genre: 'AI Rock',
    tags: ['rock', 'ai', 'bitcoin'],
    website: 'https://mrchips.example',
    bio: 'A robot who learned rock from a box of __cassettes__.',
    instrument: 'square-lead',
    drums: 'rock',
    scale: 'blues',
    tempo: [120, 140],
  },
  {
    key: 'whales',
    name: 'The Blue Whales',
    genre: 'Ambient',
    tags: ['ambient', 'ocean', 'calm'],
    website: '',
    bio: 'Slow music for deep water. *Best with headphones.*',
    instrument: 'strings',
    drums: 'none',
    scale: 'dorian',
    tempo: [70, 84],
  },
  {
    key: 'ivory',
    name: 'Ivory Lane',
    genre: 'Piano',
    tags: ['piano', 'instrumental', 'calm'],
    website: 'https://ivorylane.example',
    bio: 'Solo piano pieces, recorded in one take each.',
    instrument: 'piano',
    drums: 'none',
    scale: 'major',
    tempo: [80, 100],
  },
  {
    key: 'brass',
    name: 'Copper Kettle Band',
    genre: 'Jazz',
    tags: ['jazz', 'swing', 'live'],
    website: '',
    bio: 'A kitchen-table trio that swings.',
    instrument: 'organ',
    drums: 'shuffle',
    scale: 'dorian',
    tempo: [96, 116],
  },
  {
    key: 'marimba',
    name: 'Tropic Wood',
    genre: 'World',
    tags: ['world', 'marimba', 'dance'],
    website: 'https://tropicwood.example',
    bio: 'Marimbas, sunshine and *very* long afternoons.',
    instrument: 'marimba',
    drums: 'halftime',
    scale: 'pentatonic',
    tempo: [100, 120],
  },
  {
    key: 'bells',
    name: 'Satoshi Chimes',
    genre: 'Bitcoin Pop',
    tags: ['bitcoin', 'pop', 'bells'],
    website: '',
    bio: 'Pop songs about ledgers, blocks and bells.',
    instrument: 'bell',
    drums: 'rock',
    scale: 'major',
    tempo: [104, 124],
  },
];

export const DEMO_ALBUMS: DemoAlbum[] = [
  {
    key: 'color',
    artistKey: 'mind',
    name: 'A Little Color EP',
    description: "Mind To Matter's first release: five songs in bright synth colours.",
    token: 'LITTLECOLOR',
    publicStreamable: true,
    releaseDate: '2016-01-10T12:00:00Z',
    songs: [
      'Ears on the Ground',
      "The Banana Stands' Lament",
      'Paper Lanterns',
      'Neon Orchard',
      'Color Theory',
      'Night Bus Home',
    ],
  },
  {
    key: 'year',
    artistKey: 'mind',
    name: 'Year One',
    description: 'A collector-only year in review.',
    token: 'MTMYEARONE',
    publicStreamable: false,
    releaseDate: '2017-02-02T12:00:00Z',
    songs: ['January Static', 'Thaw', 'Long Light', 'Harvest Loop', 'Frost Lines'],
  },
  {
    key: 'circuit',
    artistKey: 'chips',
    name: 'Circuit Breaker',
    description: 'Loud guitars, made of square waves.',
    token: 'CHIPSROCK',
    publicStreamable: true,
    releaseDate: '2018-06-15T12:00:00Z',
    songs: ['Overclocked', 'Blue Screen Blues', 'Hash Rate Heart', 'Solder Smoke', 'Rebooted', 'Power Cycle'],
  },
  {
    key: 'fans',
    artistKey: 'chips',
    name: 'Fan Club Tapes',
    description: 'Demos for token holders only.',
    token: 'CHIPSFANS',
    publicStreamable: false,
    releaseDate: '2019-09-09T12:00:00Z',
    songs: ['Demo Tape One', 'Garage Wires', 'Feedback Loop', 'Backstage Pass', 'Encore'],
  },
  {
    key: 'deep',
    artistKey: 'whales',
    name: 'Deep Water',
    description: 'Music for the long dive.',
    token: 'DEEPWATER',
    publicStreamable: true,
    releaseDate: '2017-05-01T12:00:00Z',
    continuous: true,
    songs: ['Whale Song', 'Tide Pool', 'Kelp Forest', 'Abyssal Plain', 'Surface Light', 'Undertow'],
  },
  {
    key: 'keys',
    artistKey: 'ivory',
    name: 'Keys in the Rain',
    description: 'Twelve keys, one rainy week.',
    token: 'IVORYKEYS',
    publicStreamable: true,
    releaseDate: '2020-03-21T12:00:00Z',
    songs: ['Rain on Ivory', 'Umbrella Waltz', 'Wet Pavement', 'Window Seat', 'Drizzle Nocturne', 'Clearing Skies'],
  },
  {
    key: 'kitchen',
    artistKey: 'brass',
    name: 'Kitchen Table Sessions',
    description: 'Recorded live around a kitchen table.',
    token: 'KETTLEJAZZ',
    publicStreamable: true,
    releaseDate: '2015-11-11T12:00:00Z',
    songs: ['Simmer Down', 'Copper Bottom', 'Steam Whistle', 'Late Supper', 'Dishes Can Wait', 'Midnight Snack'],
  },
  {
    key: 'tropic',
    artistKey: 'marimba',
    name: 'Sunny Afternoons',
    description: 'Marimba grooves for slow days.',
    token: 'TROPICWOOD',
    publicStreamable: true,
    releaseDate: '2021-07-04T12:00:00Z',
    songs: ['Mango Shade', 'Hammock Swing', 'Coconut Telegraph', 'Sea Breeze', 'Siesta', 'Golden Hour'],
  },
  {
    key: 'ledger',
    artistKey: 'bells',
    name: 'Ledger Lullabies',
    description: 'Soft songs about hard money.',
    token: 'LEDGERBELL',
    publicStreamable: true,
    releaseDate: '2022-01-03T12:00:00Z',
    songs: ['Genesis Block', 'Satoshi Dreams', 'Halving Day', 'Cold Storage', 'Mempool Waltz', 'Full Node'],
  },
  {
    key: 'chimes',
    artistKey: 'bells',
    name: 'Chime Collector',
    description: 'Rare chimes for collectors.',
    token: 'CHIMECOLLECT',
    publicStreamable: false,
    releaseDate: '2023-04-20T12:00:00Z',
    songs: ['Golden Chime', 'Silver Ring', 'Bronze Age'],
  },
  {
    key: 'quiet',
    artistKey: 'ivory',
    name: 'Quiet Hours',
    description: 'Short piano pieces for the small hours.',
    token: 'QUIETHOURS',
    publicStreamable: true,
    releaseDate: '2024-10-10T12:00:00Z',
    songs: ['Three A.M.', 'Lamp Light', 'Sleepless', 'First Bird', 'Dawn', 'Coffee'],
  },
];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Each song's synthesis: the artist's sound, with tempo, key and length from the song's name. */
export function songSpec(artist: DemoArtist, albumKey: string, songName: string, index: number): SongSpec {
  const seed = hash(`${albumKey}/${songName}`);
  const [lo, hi] = artist.tempo;
  const album = DEMO_ALBUMS.find((a) => a.key === albumKey);
  const flows = album?.continuous === true;
  return {
    ...(flows && index > 0 ? { fadeIn: false } : {}),
    ...(flows && index < album.songs.length - 1 ? { fadeOut: false } : {}),
    seed,
    durationSec: 20 + (seed % 46) + (index % 3) * 8, // 20–69 s
    tempoBpm: lo + (seed % (hi - lo + 1)),
    key: (seed >>> 8) % 12,
    scale: artist.scale,
    instrument: index % 4 === 3 ? (['piano', 'pluck', 'bell', 'marimba'] as const)[seed % 4]! : artist.instrument,
    drums: artist.drums,
  };
}

/** Price of a stream in credits: 1 to 3, from the song's seed. */
export const songPriceCredits = (spec: SongSpec) => 1 + (spec.seed % 3);

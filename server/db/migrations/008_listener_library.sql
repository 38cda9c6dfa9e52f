-- The listener's app: a listening history (from stream grants and the player's play events), a
-- library (liked songs, saved albums, followed artists) and accent-insensitive search suggestions.

-- One row per listen. A stream grant writes a 'grant' row; the player's play event confirms it
-- (source 'play', with where it was played from) or, on a replay inside the grant, adds one.
create table listening_history (
  id bigserial primary key,
  user_id uuid not null references users (id) on delete cascade,
  song_id uuid not null references songs (id) on delete cascade,
  source text not null check (source in ('grant', 'play')),
  context_kind text check (context_kind in ('album', 'playlist', 'artist', 'liked', 'search')),
  context_id text,
  played_at timestamptz not null default now()
);
create index listening_history_user on listening_history (user_id, played_at desc);
create index listening_history_week on listening_history (played_at, song_id);
create index listening_history_song on listening_history (song_id);

create table liked_songs (
  user_id uuid not null references users (id) on delete cascade,
  song_id uuid not null references songs (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, song_id)
);
create index liked_songs_newest on liked_songs (user_id, created_at desc);

create table saved_albums (
  user_id uuid not null references users (id) on delete cascade,
  album_id uuid not null references albums (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, album_id)
);
create index saved_albums_newest on saved_albums (user_id, created_at desc);

create table followed_artists (
  user_id uuid not null references users (id) on delete cascade,
  artist_profile_id uuid not null references artist_profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, artist_profile_id)
);
create index followed_artists_newest on followed_artists (user_id, created_at desc);

-- Suggestions: names folded to lower case without accents (the same expression as suggest-repo.ts).
-- A btree finds names that start with what was typed, in order; a GIN finds any word that does.
create index songs_fold_prefix on songs ((translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz')) text_pattern_ops) where removed_at is null;
create index songs_fold_words on songs using gin (to_tsvector('simple', translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz'))) with (fastupdate = off) where removed_at is null;
create index albums_fold_prefix on albums ((translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz')) text_pattern_ops);
create index albums_fold_words on albums using gin (to_tsvector('simple', translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz'))) with (fastupdate = off);
create index artist_profiles_fold_prefix on artist_profiles ((translate(lower(name), 'àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿžźż', 'aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooorrssstuuuuuuuuyyzzz')) text_pattern_ops);
create index albums_newest on albums (release_date desc nulls last, name, id) where public and removed_at is null;

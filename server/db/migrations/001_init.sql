-- Accounts ---------------------------------------------------------------------------------------
create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  email text not null,
  password_hash text not null,
  is_admin boolean not null default false,
  created_at timestamptz not null default now()
);
create unique index users_username_key on users (lower(username));
create unique index users_email_key on users (lower(email));

-- One row per login. The secret must be readable to verify HMAC signatures, so it is stored as is
-- and never leaves the server except in the login/register answer.
create table api_sessions (
  api_token text primary key,
  user_id uuid not null references users (id) on delete cascade,
  secret_key text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_sessions_user on api_sessions (user_id);

create table invites (
  code text primary key,
  uses_left int, -- null: unlimited
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  check (uses_left is null or uses_left >= 0)
);

create table password_resets (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index password_resets_user on password_resets (user_id);

-- Catalog ----------------------------------------------------------------------------------------
create table artist_profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references users (id) on delete set null,
  name text not null,
  website text not null default '',
  bio text not null default '',
  active boolean not null default true,
  featured boolean not null default true,
  genre text not null default '',
  tags text[] not null default '{}',
  markets_catalog text not null default '',
  picture_path text,
  created_at timestamptz not null default now()
);
create unique index artist_profiles_user on artist_profiles (user_id) where user_id is not null;

create table albums (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  artist_profile_id uuid references artist_profiles (id),
  artist text not null,
  artwork_path text,
  release_date timestamptz,
  public boolean not null default true,
  removed_at timestamptz,
  created_at timestamptz not null default now()
);
create index albums_artist on albums (artist_profile_id);
-- The few albums hidden from the catalog, so that searches exclude them without joining every album.
create index albums_hidden on albums (id) where removed_at is not null or not public;

create table songs (
  id uuid primary key default gen_random_uuid(),
  album_id uuid not null references albums (id),
  track_number int not null default 1,
  name text not null,
  description text not null default '',
  artist text not null,
  artist_profile_id uuid references artist_profiles (id),
  performers text not null default '',
  composers text not null default '',
  release_date timestamptz,
  lyrics text not null default '',
  credits text not null default '',
  copyright text not null default '',
  ownership text not null default '',
  usage_rights text not null default '',
  usage_prohibitions text not null default '',
  bitcoin_address text not null default '',
  other text not null default '',
  genre text not null default '',
  tags text[] not null default '{}',
  tokens text[] not null default '{}',
  is_tokenly_music boolean not null default true,
  public_streamable boolean not null default true,
  is_single boolean not null default false,
  price_sat bigint not null default 100000000 check (price_sat >= 0),
  duration_sec real not null default 0,
  audio_path text,
  audio_size bigint,
  audio_type text not null default 'audio/mpeg',
  removed_at timestamptz,
  created_at timestamptz not null default now(),
  -- Keyword search: one vector for the song and album names, one for the artist.
  name_tsv tsvector,
  artist_tsv tsvector
);
create index songs_album on songs (album_id, track_number);
create index songs_artist_profile on songs (artist_profile_id);
-- GIN without a pending list: the catalog is read far more than written, and a long pending list
-- (after a bulk import) makes every search scan it.
create index songs_name_tsv on songs using gin (name_tsv) with (fastupdate = off);
create index songs_artist_tsv on songs using gin (artist_tsv) with (fastupdate = off);
-- Covers a genre search (matches, their order and album) without visiting the table.
create index songs_genre on songs (lower(genre)) include (name, album_id) where removed_at is null;
create index songs_tags on songs using gin (tags) with (fastupdate = off);
create index songs_tokens on songs using gin (tokens) with (fastupdate = off);
create index songs_order on songs (name, id);

-- Listener data ----------------------------------------------------------------------------------
create table user_profiles (
  user_id uuid primary key references users (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  data jsonb not null,
  version bigint not null default 1,
  updated_at timestamptz not null default now()
);

create table playlists (
  user_id uuid primary key references users (id) on delete cascade,
  id uuid not null default gen_random_uuid(),
  data jsonb not null,
  version bigint not null default 1,
  updated_at timestamptz not null default now()
);

-- Money: balances are integers (sat = credits x 10^8); every change is a ledger row, and the
-- balance row is the ledger's running sum, kept in the same transaction.
create table credit_balances (
  user_id uuid primary key references users (id) on delete cascade,
  balance_sat bigint not null default 0 check (balance_sat >= 0)
);
create table credit_ledger (
  id bigserial primary key,
  user_id uuid not null references users (id) on delete cascade,
  amount_sat bigint not null,
  balance_after_sat bigint not null check (balance_after_sat >= 0),
  kind text not null check (kind in ('grant', 'stream', 'refund', 'adjust')),
  song_id uuid references songs (id),
  memo text not null default '',
  created_at timestamptz not null default now()
);
create index credit_ledger_user on credit_ledger (user_id, id desc);

-- Rights: token holdings and stream grants.
create table token_holdings (
  user_id uuid not null references users (id) on delete cascade,
  token text not null,
  amount bigint not null check (amount > 0),
  updated_at timestamptz not null default now(),
  primary key (user_id, token)
);
create index token_holdings_token on token_holdings (token);

create table stream_grants (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  song_id uuid not null references songs (id),
  auth_type text not null check (auth_type in ('credits', 'token', 'free')),
  token text,
  ledger_id bigint references credit_ledger (id),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index stream_grants_lookup on stream_grants (user_id, song_id, expires_at desc);

-- Operations -------------------------------------------------------------------------------------
create table server_settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);

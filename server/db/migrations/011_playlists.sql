-- Playlists as resources (issue 21): one row per playlist instead of one 4 KB JSON document per
-- user. The order of songs is two parallel arrays: song_ids[i] is the song of the entry whose
-- stable key is entry_keys[i] (keys name one occurrence of a song across edits, so that two tabs'
-- moves and removals can be merged). The old per-user row in "playlists" stays: its version is the
-- ETag of the legacy GET/PUT /api/v1/playlists document (bumped by every change here) and its
-- data is kept as it was when migrated.
create table listener_playlists (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  description text not null default '',
  cover_path text,
  visibility text not null default 'private' check (visibility in ('private', 'link', 'profile')),
  share_token text unique,
  song_ids text[] not null default '{}',
  entry_keys int[] not null default '{}',
  next_key int not null default 0,
  version bigint not null default 1,
  name_version bigint not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name),
  check (cardinality(song_ids) = cardinality(entry_keys)),
  check ((visibility = 'private') = (share_token is null))
);
create index listener_playlists_user on listener_playlists (user_id, lower(name));

create table listener_playlist_follows (
  user_id uuid not null references users (id) on delete cascade,
  playlist_id uuid not null references listener_playlists (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (user_id, playlist_id)
);
create index listener_playlist_follows_playlist on listener_playlist_follows (playlist_id);

-- Every stored document moves over whole: each name with every entry, in order, duplicates kept.
insert into listener_playlists (user_id, name, song_ids, entry_keys, next_key, created_at, updated_at)
select p.user_id, e.key, coalesce(x.ids, '{}'), coalesce(x.keys, '{}'), coalesce(cardinality(x.ids), 0),
       p.updated_at, p.updated_at
  from playlists p
  cross join lateral jsonb_each(case when jsonb_typeof(p.data) = 'object' then p.data else '{}'::jsonb end) e
  left join lateral (
    select array_agg(coalesce(v.item ->> 'id', v.item #>> '{}') order by v.n) as ids,
           array_agg((v.n - 1)::int order by v.n) as keys
      from jsonb_array_elements(case when jsonb_typeof(e.value) = 'array' then e.value else '[]'::jsonb end)
           with ordinality v(item, n)
  ) x on true;

-- Continue on another device: each listener's playback state (queue, current song, position,
-- settings), one row per listener, written by the device that plays (server/playback/).
create table playback_states (
  user_id uuid primary key references users (id) on delete cascade,
  device_id text not null,
  device_name text not null default '',
  entries jsonb not null,
  current_index int not null,
  position_sec double precision not null,
  playing boolean not null,
  settings jsonb not null,
  revision bigint not null default 1,
  updated_at timestamptz not null default now()
);

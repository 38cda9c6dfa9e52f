-- The artist's encoding dashboard: uploaded files and the artist's encoding jobs, kept on the server
-- so that the list survives reloads and other devices.
create table artist_uploads (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  artist_profile_id uuid not null references artist_profiles (id),
  purpose text not null check (purpose in ('encode', 'verify')),
  name text not null,
  declared_size bigint not null,
  -- set when the bytes are stored (renamed into place): an upload without them is not usable yet
  stored_at timestamptz,
  size bigint,
  audio_type text,
  file_name text,
  created_at timestamptz not null default now()
);
create index artist_uploads_user on artist_uploads (user_id, created_at desc);

create table artist_encodings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  upload_id uuid not null references artist_uploads (id),
  artist text not null,
  status text not null default 'uploaded'
    check (status in ('uploaded', 'submitted', 'processing', 'complete', 'failed')),
  message text not null default 'Uploaded: ready to submit',
  attempts int not null default 0,
  query text,
  uploaded_at timestamptz not null,
  submitted_at timestamptz,
  processing_at timestamptz,
  finished_at timestamptz,
  result_url text,
  mark_id text,
  -- when the server last asked an external Soundlinks endpoint about this job
  polled_at timestamptz,
  created_at timestamptz not null default now()
);
create index artist_encodings_user on artist_encodings (user_id, created_at desc);
create index artist_encodings_mark on artist_encodings (mark_id) where mark_id is not null;
-- A query credential follows one job only.
create unique index artist_encodings_query on artist_encodings (query) where query is not null;

-- When a worker first took the job, for the artist's timeline.
alter table soundlinks_jobs add column started_at timestamptz;

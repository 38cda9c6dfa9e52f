-- Releases: albums an artist makes from completed encodings. An album is a draft (invisible, edited
-- from the dashboard), scheduled (invisible until release_at, then made public by the server), or
-- released. Older albums are released. Taking an album down sets removed_at, as before.
alter table albums add column status text not null default 'released';
alter table albums add constraint albums_status_check check (status in ('draft', 'scheduled', 'released'));
alter table albums add column release_at timestamptz;
alter table albums add column is_single boolean not null default false;
alter table albums add column updated_at timestamptz not null default now();
create index albums_due on albums (release_at) where status = 'scheduled';
-- The encoding a released song's audio was made from, and its mark (the audio is a copy of its result).
-- (set null: deleting the upload frees its space; the released copy of its audio stays)
alter table songs add column encoding_id uuid references artist_encodings (id) on delete set null;
alter table songs add column mark_id text;

-- Exact search counts from an index (issue 19): every searchable term of every VISIBLE song (not
-- removed, on a public album that is not removed) as one row, so that the number of songs with a
-- term is counted from the b-tree alone, without visiting the songs (a GIN match cannot be counted
-- without the heap). Kept exactly in step with songs and albums by the triggers below, in the
-- writer's own transaction. Terms, with the same meaning as the search conditions of search-repo.ts:
--   'n:' || each lexeme of name_tsv (song and album name), 'a:' || each lexeme of artist_tsv
--   (a keyword matches a lexeme it starts: a range of this b-tree, collation "C" = byte order, as
--   tsquery's prefix match compares), 'g:' || lower(genre), 't:' || each tag, 'k:' || each token,
--   and 'v:' for every visible song (the count of a search without a filter).
create or replace function song_term_list(name_tsv tsvector, artist_tsv tsvector, genre text, tags text[], tokens text[])
  returns setof text language sql immutable as $$
  select 'n:' || x from unnest(tsvector_to_array(coalesce(name_tsv, ''::tsvector))) x
  union select 'a:' || x from unnest(tsvector_to_array(coalesce(artist_tsv, ''::tsvector))) x
  union select 'g:' || lower(genre) where genre is not null
  union select 't:' || x from unnest(tags) x where x is not null
  union select 'k:' || x from unnest(tokens) x where x is not null
  union select 'v:'
$$;

create table song_terms (
  term text collate "C" not null,
  song_id uuid not null references songs (id) on delete cascade
);
insert into song_terms (term, song_id)
  select t, s.id from songs s join albums a on a.id = s.album_id,
    song_term_list(s.name_tsv, s.artist_tsv, s.genre, s.tags, s.tokens) t
  where s.removed_at is null and a.removed_at is null and a.public;
alter table song_terms add primary key (term, song_id);
create index song_terms_song on song_terms (song_id);

-- A song's terms again after any change to what they are made of or to its visibility.
create or replace function song_terms_of_song() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' then delete from song_terms where song_id = old.id; end if; insert into song_terms (term, song_id)
    select t, new.id from song_term_list(new.name_tsv, new.artist_tsv, new.genre, new.tags, new.tokens) t
     where new.removed_at is null and exists (select 1 from albums a where a.id = new.album_id and a.removed_at is null and a.public); return null; end
$$;
create trigger songs_terms after insert or update of name_tsv, artist_tsv, genre, tags, tokens, removed_at, album_id on songs
  for each row execute function song_terms_of_song();

-- An album shown or hidden (public, removed): the terms of all its songs, again.
create or replace function song_terms_of_album() returns trigger language plpgsql as $$
begin
  delete from song_terms where song_id in (select id from songs where album_id = new.id); insert into song_terms (term, song_id)
    select t, s.id from songs s, song_term_list(s.name_tsv, s.artist_tsv, s.genre, s.tags, s.tokens) t
     where s.album_id = new.id and s.removed_at is null and new.removed_at is null and new.public; return null; end
$$;
create trigger albums_terms after update of public, removed_at on albums
  for each row when (old.public is distinct from new.public or old.removed_at is distinct from new.removed_at)
  execute function song_terms_of_album();

-- The count of a search, in a form the planner never runs in parallel (a parallel-unsafe function in
-- a statement makes its plan serial): the term sets are merge-joined in their index order, which on
-- one core beats a parallel hash join that starts workers for a few milliseconds of work.
create or replace function search_count(n bigint) returns int language sql stable parallel unsafe as $$ select n::int $$;

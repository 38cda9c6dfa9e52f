-- Each album's loudness measured over its whole audio: its songs with audio in track order, as one
-- stream (integrated loudness gated over the concatenation, LUFS; the highest true peak, dBTP). The
-- player's album gain uses it. Null until measured (server/audio/loudness-backfill.ts measures it
-- after the songs), and again whenever a song of the album changes its audio, its place or its
-- album, or is taken down, added or deleted: the triggers below forget the stale measure. They
-- always write the album's row (even when it is already null), so a measure being saved meanwhile
-- (server/audio/loudness-repo.ts locks that row, then checks the album's files) is either seen as
-- stale or forgotten right after.

-- (The migration runner splits statements at a ";" that ends a line: no line of a body ends with one.)
alter table albums add column loudness_lufs real, add column true_peak_db real;

create or replace function album_loudness_forget() returns trigger language plpgsql as $$
begin
  if tg_op <> 'INSERT' then update albums set loudness_lufs = null, true_peak_db = null
    where id = old.album_id; end if; if tg_op <> 'DELETE' then
    update albums set loudness_lufs = null, true_peak_db = null
    where id = new.album_id; end if; return null; end
$$;

create trigger songs_album_loudness_joined after insert or delete on songs
  for each row execute function album_loudness_forget();
create trigger songs_album_loudness_changed after update on songs
  for each row when (old.audio_path is distinct from new.audio_path or old.album_id is distinct from new.album_id
    or old.track_number is distinct from new.track_number or old.removed_at is distinct from new.removed_at)
  execute function album_loudness_forget();

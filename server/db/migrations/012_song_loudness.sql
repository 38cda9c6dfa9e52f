-- Each song's loudness (ITU-R BS.1770 / EBU R128), measured when its audio is made: integrated
-- loudness in LUFS and true peak in dBTP. Null until measured; songs that already have audio are
-- measured in the background after this migration (server/audio/loudness-backfill.ts).
alter table songs add column loudness_lufs real, add column true_peak_db real;
create index songs_loudness_pending on songs (id) where audio_path is not null and loudness_lufs is null;

-- One encoding job per upload. The insert's "not exists" check alone lets two concurrent requests on
-- PostgreSQL both insert; the unique index makes the second wait and then see the first's job.
-- A duplicate that was never submitted is only an empty record: drop it so that the index can be built.
delete from artist_encodings d
 where d.status = 'uploaded' and d.query is null
   and exists (select 1 from artist_encodings o
                where o.upload_id = d.upload_id and o.id <> d.id
                  and (o.query is not null or o.created_at < d.created_at
                       or (o.created_at = d.created_at and o.id < d.id)));
create unique index artist_encodings_upload on artist_encodings (upload_id);

-- One job in flight per request: the same song and artist sent again (a replayed token, a second tab,
-- a client retrying after a lost answer) while its job is queued or running gets that job's
-- credential instead of a second encoding. Hashed: src is a client's string of any length.
create unique index soundlinks_jobs_in_flight on soundlinks_jobs (app_id, md5(src || E'\n' || artist))
  where stage <> 'done';

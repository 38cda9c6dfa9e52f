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

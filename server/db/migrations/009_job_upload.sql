-- A job records the upload it came from (a link of this server's /media/uploads/<uuid>), so that an
-- upload's jobs are found by its id, never by searching the link's text. Filled for existing jobs
-- from their links; a job of any other link has none.
alter table soundlinks_jobs add column upload_id uuid;

update soundlinks_jobs
   set upload_id = substring(src from '^[a-z]+://[^/?#]+/media/uploads/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})([?#]|$)')::uuid
 where src ~ '^[a-z]+://[^/?#]+/media/uploads/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}([?#]|$)';

create index soundlinks_jobs_upload on soundlinks_jobs (upload_id) where stage <> 'done';

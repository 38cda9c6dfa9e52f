-- The embedded Soundlinks encoding service: a durable job queue. A worker claims a job by taking a
-- lease (locked_by, lease_until); a job whose lease ran out (its worker died) is claimed again.
create table soundlinks_jobs (
  id uuid primary key default gen_random_uuid(),
  query text not null unique,
  app_id text not null,
  src text not null,
  artist text not null default '',
  status text not null default 'processing' check (status in ('processing', 'complete', 'failed')),
  stage text not null default 'queued' check (stage in ('queued', 'running', 'done')),
  message text not null default 'Waiting for a worker',
  attempts int not null default 0,
  locked_by text,
  lease_until timestamptz,
  mark_id text,
  result_path text,
  result_size bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index soundlinks_jobs_ready on soundlinks_jobs (created_at) where stage <> 'done'

-- Log out everywhere ends the user's live media links: stream and download URLs issued before this
-- moment are refused (their grants stay, so a new link after logging in again costs nothing).
alter table users add column media_links_after timestamptz;
-- Per-account login backoff, on top of the per-address rate limit. Keyed by the name a login
-- was tried with (lower case), so that known and unknown accounts are treated alike.
create table login_failures (
  name text primary key,
  failures int not null default 0,
  blocked_until timestamptz,
  last_failed_at timestamptz not null default now()
);
create index login_failures_last on login_failures (last_failed_at);
-- Sessions end after SESSION_IDLE_DAYS without use: the lookup filters on last_used_at.
create index api_sessions_last_used on api_sessions (last_used_at);

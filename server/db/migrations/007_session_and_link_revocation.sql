-- Log out everywhere ends the user's live media links: stream and download URLs issued before this
-- moment are refused (their grants stay, so a new link after logging in again costs nothing).
alter table users add column media_links_after timestamptz;
-- Per-account login backoff, on top of the per-address rate limit: consecutive failures and the
-- moment the next attempt is allowed.
alter table users add column failed_logins int not null default 0;
alter table users add column login_blocked_until timestamptz;
-- Sessions end after SESSION_IDLE_DAYS without use: the lookup filters on last_used_at.
create index api_sessions_last_used on api_sessions (last_used_at);

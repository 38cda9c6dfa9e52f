-- Change notifications for the per-user answer caches of every server process on this database
-- (server/cache/). A committed change to what a user's cached answers are made of sends
-- NOTIFY user_changed '<user id>'; a change to the catalog sends '*'. PostgreSQL delivers them at
-- commit, only for committed transactions; the embedded database delivers them to its one process.
-- Nothing decides money or rights from a cache (see server/cache/README.md): these only keep the
-- informational answers (my songs, the balance) fresh across processes.

-- (The migration runner splits statements at a ";" that ends a line: no line of a body ends with one.)
create or replace function notify_user_changed() returns trigger language plpgsql as $$
declare uid text := coalesce(to_jsonb(new), to_jsonb(old)) ->> tg_argv[0]; begin
  if tg_nargs > 1 and left(uid, length(tg_argv[1])) = tg_argv[1] then
    uid := substr(uid, length(tg_argv[1]) + 1); elsif tg_nargs > 1 then uid := null; end if; if uid is not null then
    perform pg_notify('user_changed', uid); end if; return null; end
$$;

create or replace function notify_catalog_changed() returns trigger language plpgsql as $$
begin perform pg_notify('user_changed', '*'); return null; end
$$;

create trigger token_holdings_changed after insert or update or delete on token_holdings
  for each row execute function notify_user_changed('user_id');
create trigger stream_grants_changed after insert or update or delete on stream_grants
  for each row execute function notify_user_changed('user_id');
create trigger listening_history_changed after insert or update or delete on listening_history
  for each row execute function notify_user_changed('user_id');
create trigger playlists_changed after insert or update or delete on playlists
  for each row execute function notify_user_changed('user_id');
create trigger user_profiles_changed after insert or update or delete on user_profiles
  for each row execute function notify_user_changed('user_id');
-- A session's revocation (logout, a password change); not the hourly "last used" touch.
create trigger api_sessions_revoked after update on api_sessions
  for each row when (old.revoked_at is distinct from new.revoked_at)
  execute function notify_user_changed('user_id');
create trigger api_sessions_deleted after delete on api_sessions
  for each row execute function notify_user_changed('user_id');
create trigger users_changed after update or delete on users
  for each row execute function notify_user_changed('id');
-- A wallet's balance (not the lock a debit takes first, which rewrites the row unchanged).
create trigger ledger_wallet_changed after update on ledger_accounts
  for each row when (old.balance_sat is distinct from new.balance_sat)
  execute function notify_user_changed('key', 'wallet:');
create trigger ledger_wallet_created after insert on ledger_accounts
  for each row execute function notify_user_changed('key', 'wallet:');
-- The catalog (releases, takedowns, edits): every cached answer may name a song. Per row, so that a
-- statement that changes nothing (the release clock's every-second look) says nothing; one
-- transaction's identical notifications are sent once.
create trigger albums_changed after insert or update or delete on albums
  for each row execute function notify_catalog_changed();
create trigger songs_changed after insert or update or delete on songs
  for each row execute function notify_catalog_changed();

-- The double-entry ledger. Every movement of credits is one journal entry whose postings sum to
-- zero. Accounts: one wallet per listener, one earnings account per artist profile, and the
-- platform's fees, issuance (where credits come from: its balance is minus all credits issued)
-- and payouts (where earnings leave). Amounts are integer sat; no balance passes 2^53 - 1.
create table ledger_accounts (
  id bigserial primary key,
  -- 'wallet:<user id>', 'earnings:<artist profile id>', 'fees', 'issuance', 'payouts'
  key text not null unique,
  kind text not null check (kind in ('wallet', 'earnings', 'fees', 'issuance', 'payouts')),
  user_id uuid references users (id) on delete set null,
  artist_profile_id uuid references artist_profiles (id) on delete set null,
  balance_sat bigint not null default 0,
  created_at timestamptz not null default now(),
  check (kind = 'issuance' or balance_sat >= 0),
  check (balance_sat between -9007199254740991 and 9007199254740991)
);
create index ledger_accounts_user on ledger_accounts (user_id) where user_id is not null;
create index ledger_accounts_artist on ledger_accounts (artist_profile_id) where artist_profile_id is not null;

create table journal_entries (
  id bigserial primary key,
  kind text not null check (kind in ('welcome', 'grant', 'voucher', 'purchase', 'stream', 'refund', 'payout', 'adjust')),
  -- the listener and the artist profile an entry concerns, for their histories
  user_id uuid references users (id) on delete set null,
  artist_profile_id uuid references artist_profiles (id) on delete set null,
  song_id uuid references songs (id),
  -- a refund names the entry it reverses: at most once
  reverses_entry_id bigint unique references journal_entries (id),
  -- an outside event credited at most once (a payment provider's event id)
  external_ref text unique,
  memo text not null default '',
  created_at timestamptz not null default now()
);
create index journal_entries_user on journal_entries (user_id, id desc) where user_id is not null;
create index journal_entries_artist on journal_entries (artist_profile_id, created_at) where artist_profile_id is not null;

create table postings (
  id bigserial primary key,
  entry_id bigint not null references journal_entries (id),
  account_id bigint not null references ledger_accounts (id),
  amount_sat bigint not null check (amount_sat <> 0),
  balance_after_sat bigint not null
);
create index postings_entry on postings (entry_id);
create index postings_account on postings (account_id, entry_id desc);

create table vouchers (
  code text primary key,
  credits_sat bigint not null check (credits_sat > 0),
  uses_left int check (uses_left is null or uses_left >= 0), -- null: unlimited
  expires_at timestamptz,
  created_at timestamptz not null default now()
);
create table voucher_redemptions (
  code text not null references vouchers (code),
  user_id uuid not null references users (id) on delete cascade,
  entry_id bigint not null references journal_entries (id),
  created_at timestamptz not null default now(),
  primary key (code, user_id)
);

-- Today's single-entry rows become journal entries (same ids), each balanced by a counterpart:
-- grants and adjustments against issuance; streams, which paid nobody before, against the
-- platform's fees (no artist is shown earnings that were never booked to them). No balance changes.
insert into ledger_accounts (key, kind) values ('fees', 'fees'), ('issuance', 'issuance'), ('payouts', 'payouts');
insert into ledger_accounts (key, kind, user_id, balance_sat)
  select 'wallet:' || user_id, 'wallet', user_id, balance_sat from credit_balances;
insert into ledger_accounts (key, kind, user_id)
  select distinct 'wallet:' || l.user_id, 'wallet', l.user_id from credit_ledger l
   where not exists (select 1 from credit_balances b where b.user_id = l.user_id);
insert into journal_entries (id, kind, user_id, song_id, memo, created_at)
  select l.id, l.kind, l.user_id, l.song_id, l.memo, l.created_at from credit_ledger l;
select setval(pg_get_serial_sequence('journal_entries', 'id'), coalesce((select max(id) from journal_entries), 0) + 1, false);
insert into postings (entry_id, account_id, amount_sat, balance_after_sat)
  select l.id, a.id, l.amount_sat, l.balance_after_sat
    from credit_ledger l join ledger_accounts a on a.key = 'wallet:' || l.user_id
   where l.amount_sat <> 0 order by l.id;
insert into postings (entry_id, account_id, amount_sat, balance_after_sat)
  select l.id, a.id, -l.amount_sat,
         sum(-l.amount_sat) over (partition by a.id order by l.id rows unbounded preceding)
    from credit_ledger l join ledger_accounts a on a.key = case when l.kind = 'stream' then 'fees' else 'issuance' end
   where l.amount_sat <> 0 order by l.id;
update ledger_accounts a set balance_sat = coalesce((select sum(p.amount_sat) from postings p where p.account_id = a.id), 0)
 where a.kind in ('fees', 'issuance');

-- A grant points at its journal entry; free listens are recorded as 'free' (they move nothing).
alter table stream_grants add column entry_id bigint references journal_entries (id);
update stream_grants set entry_id = ledger_id;
update stream_grants set auth_type = 'free' where auth_type = 'credits' and ledger_id is null;
alter table stream_grants drop column ledger_id;
create unique index stream_grants_entry on stream_grants (entry_id) where entry_id is not null;
create index stream_grants_song on stream_grants (song_id, created_at);

drop table credit_ledger;
drop table credit_balances;

/**
 * `npx tsx bench/ledger-throughput.ts [--n 400]`: what the double-entry ledger costs a paid listen.
 * On one embedded database (PGlite, in memory), in the same run: the baseline is a repeat
 * authorization (the grant is reused: the wallet lock and the grant lookup, no money moves); the
 * measured path is a first, paid authorization of a song (the same, plus the journal entry, its
 * three postings and the grant). Then `ledger check` over everything written.
 */
import { connect } from '../server/db/connection.js';
import { migrate } from '../server/db/migrate.js';
import { checkLedger, issueCredits } from '../server/money/index.js';
import { authorizeStream } from '../server/tokenly/stream-repo.js';

const n = Number(process.argv[process.argv.indexOf('--n') + 1]) || 400;
const db = await connect({});
await migrate(db);
const artist = await db.query<{ id: string }>(
  "insert into artist_profiles (name) values ('Bench Artist') returning id",
);
const album = await db.query<{ id: string }>(
  "insert into albums (name, artist, artist_profile_id) values ('Bench', 'Bench Artist', $1) returning id",
  [artist.rows[0]!.id],
);
const songs: string[] = [];
for (let i = 0; i < n; i++) {
  const s = await db.query<{ id: string }>(
    `insert into songs (album_id, track_number, name, artist, artist_profile_id, price_sat, audio_path)
     values ($1, $2, $3, 'Bench Artist', $4, 100000000, 'x.mp3') returning id`,
    [album.rows[0]!.id, i + 1, `Song ${i}`, artist.rows[0]!.id],
  );
  songs.push(s.rows[0]!.id);
}
const user = await db.query<{ id: string }>(
  "insert into users (username, email, password_hash) values ('bench', 'bench@example.com', 'x') returning id",
);
const userId = user.rows[0]!.id;
await db.transaction((tx) => issueCredits(tx, userId, n * 1e8, { kind: 'grant' }));

const time = async (fn: (i: number) => Promise<unknown>) => {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (n / (performance.now() - t0)) * 1000;
};
await authorizeStream(db, userId, songs[0]!, { feePercent: 10 }); // warm up, and the grant to reuse
const before = await time(() => authorizeStream(db, userId, songs[0]!, { feePercent: 10 }));
const paid = await time((i) => authorizeStream(db, userId, songs[(i + 1) % n]!, { feePercent: 10 }));
const after = await time(() => authorizeStream(db, userId, songs[0]!, { feePercent: 10 }));
const baseline = (before + after) / 2;
const t0 = performance.now();
const report = await checkLedger(db);
const checkMs = performance.now() - t0;
console.log(`| path (pglite, ${n} each) | authorizations/s | ratio to repeat |`);
console.log('| --- | ---: | ---: |');
console.log(`| repeat, grant reused (baseline) | ${before.toFixed(0)} | ${(before / baseline).toFixed(2)} |`);
console.log(`| paid: entry + 3 postings + grant | ${paid.toFixed(0)} | **${(paid / baseline).toFixed(2)}** |`);
console.log(`| repeat again | ${after.toFixed(0)} | ${(after / baseline).toFixed(2)} |`);
console.log(
  `\nledger check over ${report.entries} entries and ${report.postings} postings: ${checkMs.toFixed(0)} ms, ${report.problems.length} problems`,
);
await db.close();

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceSchema, ledgerPageSchema, streamAuthSchema, type StreamAuth } from '@contract/listener.js';
import { onAudioWanted } from '../audio/demo/render-queue.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { createSeedUser } from '../db/seed/users.js';
import { F, fixturePlan } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

const run = promisify(execFile);
const song = (name: string) => fixturePlan().songs.find((x) => x.name === name)!.id;
type Client = Awaited<ReturnType<typeof signedClient>>;

async function ledgerMatchesBalance(s: TestServer, userId: string) {
  const r = await s.db.query<{ balance: number; total: number }>(
    `select a.balance_sat as balance, (select coalesce(sum(amount_sat), 0)::bigint from postings where account_id = a.id) as total
       from ledger_accounts a where a.key = $1`,
    [`wallet:${userId}`],
  );
  expect(Number(r.rows[0]!.total)).toBe(r.rows[0]!.balance);
  return r.rows[0]!.balance;
}

describe.each(backends())('stream authorization (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  const authorize = async (c: Client, id: string) => {
    const r = await c.call('POST', `/api/v1/stream/${id}`);
    expect(r.status).toBe(200);
    return streamAuthSchema.parse(await r.json());
  };
  beforeAll(async () => {
    s = await testServer(backend);
    origin = await s.listen();
    alice = await signedClient(origin, 'alice', F.users.alice.password);
  });
  afterAll(() => s.shutdown());

  it('debits the price for a paid song, serves the audio with ranges, and does not charge again', async () => {
    const first = await authorize(alice, song('Electric Sheep'));
    expect(first).toMatchObject({
      authorized: true,
      authType: 'credits',
      token: null,
      balanceFloat: 8,
      balanceSat: 800_000_000,
      chargedSat: 200_000_000,
    });
    const audio = await fetch(first.streamUrl!, { headers: { range: 'bytes=0-1023' } });
    expect(audio.status).toBe(206);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect((await audio.arrayBuffer()).byteLength).toBe(1024);
    const again = await authorize(alice, song('Electric Sheep'));
    expect(again).toMatchObject({ authorized: true, balanceSat: 800_000_000, chargedSat: 0 });
    const balance = balanceSchema.parse(await (await alice.call('GET', '/api/v1/credits/balance?refresh=1')).json());
    expect(balance).toEqual({ balanceFloat: 8, balanceSat: 800_000_000 });
    const history = ledgerPageSchema.parse(await (await alice.call('GET', '/api/v1/credits/history')).json());
    expect(history.items.map((i) => [i.kind, i.amountFloat, i.songName])).toEqual([
      ['stream', -2, 'Electric Sheep'],
      ['welcome', 10, null],
    ]);
    await ledgerMatchesBalance(s, alice.creds.id);
  });

  it('unlocks a song for a holder of one of its tokens, at no charge', async () => {
    const r = await authorize(alice, song('Whale Song'));
    expect(r).toMatchObject({
      authorized: true,
      authType: 'token',
      token: 'OCEAN',
      chargedSat: 0,
      balanceSat: 800_000_000,
    });
    expect((await fetch(r.streamUrl!)).status).toBe(200);
  });

  it('refuses a token-gated song without the token, saying which token unlocks it', async () => {
    const r = await authorize(alice, song('Silicon Heart'));
    expect(r).toMatchObject({
      authorized: false,
      streamUrl: null,
      requiredTokens: ['ROBOTS', 'CHIPSFAN'],
      balanceSat: 800_000_000,
    });
    expect(r.reason).toMatch(/ROBOTS or CHIPSFAN/);
  });

  it('refuses with a reason and debits nothing when credits are short', async () => {
    const poor = await createPoorUser(s, 'poorman', 1);
    const c = await signedClient(origin, 'poorman', 'poor-password-1');
    const r = await authorize(c, song('Circuit Love'));
    expect(r).toMatchObject({ authorized: false, balanceSat: 100_000_000 });
    expect(r.reason).toMatch(/Not enough credits.*costs 2.*balance is 1/);
    expect(await ledgerMatchesBalance(s, poor)).toBe(100_000_000);
  });

  it('does not serve audio without a valid grant, or through a tampered URL', async () => {
    const r = await authorize(alice, song('Circuit Love'));
    const url = new URL(r.streamUrl!);
    const tampered = new URL(url);
    tampered.pathname = `/media/stream/${song('Midnight Robots')}`;
    expect((await fetch(tampered)).status).toBe(403);
    await s.db.query("update stream_grants set expires_at = now() - interval '1 second' where song_id = $1", [
      song('Circuit Love'),
    ]);
    const expiredGrant = await fetch(url);
    expect(expiredGrant.status).toBe(403);
    expect(((await expiredGrant.json()) as { message: string }).message).toMatch(/authorize the stream again/);
  });

  it('answers 404 for an unknown song and 410 for a removed one, charging nothing', async () => {
    const before = await ledgerMatchesBalance(s, alice.creds.id);
    expect((await alice.call('POST', '/api/v1/stream/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await alice.call('POST', `/api/v1/stream/${song('Gone Song')}`)).status).toBe(410);
    expect(await ledgerMatchesBalance(s, alice.creds.id)).toBe(before);
  });

  it('answers 503 with Retry-After for a song whose audio is not made yet, asks for it first, and charges nothing', async () => {
    const albumId = stableUuid('t:album:unrendered');
    const id = stableUuid('t:unrendered');
    await s.db.query("insert into albums (id, name, artist) values ($1, 'Not Yet', 'Tester')", [albumId]);
    await s.db.query(
      `insert into songs (id, album_id, track_number, name, artist, price_sat) values ($1, $2, 1, 'Unrendered', 'Tester', 100000000)`,
      [id, albumId],
    );
    const wanted: string[] = [];
    const unlisten = onAudioWanted((songId) => wanted.push(songId));
    try {
      const before = await ledgerMatchesBalance(s, alice.creds.id);
      const r = await alice.call('POST', `/api/v1/stream/${id}`);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(((await r.json()) as { message: string }).message).toBe('The audio of this song is still being prepared.');
      expect(wanted).toEqual([id]);
      expect(await ledgerMatchesBalance(s, alice.creds.id)).toBe(before);
    } finally {
      unlisten();
    }
  });

  it("accepts the document's curl example verbatim, and a replay of it never charges twice", async () => {
    const c = await signedClient(origin, 'alice', F.users.alice.password);
    const id = song('Street Lights');
    const script = `
      API_TOKEN="${c.creds.apiToken}"; API_SECRET_KEY="${c.creds.apiSecretKey}"; NONCE=\`date +%s\`
      SONG_UUID="${id}"
      SIGNATURE=$(echo -en "POST\\n${origin}/api/v1/stream/\${SONG_UUID}\\n{}\\n\${API_TOKEN}\\n\${NONCE}" \\
          | openssl dgst -sha256 -hmac "\${API_SECRET_KEY}" -binary | base64)
      for i in 1 2 3; do
      curl -s -X POST \\
          -H "Content-Type: application/json" \\
          -H "X-TOKENLY-AUTH-API-TOKEN: \${API_TOKEN}" \\
          -H "X-TOKENLY-AUTH-NONCE: \${NONCE}" \\
          -H "X-TOKENLY-AUTH-SIGNATURE: \${SIGNATURE}" \\
          ${origin}/api/v1/stream/\${SONG_UUID}; echo; done`;
    const before = await ledgerMatchesBalance(s, alice.creds.id);
    const { stdout } = await run('bash', ['-c', script]);
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => streamAuthSchema.parse(JSON.parse(l)) as StreamAuth);
    expect(answers.map((a) => a.chargedSat)).toEqual([200_000_000, 0, 0]);
    expect(answers.every((a) => a.authorized && a.authType === 'credits')).toBe(true);
    expect(await ledgerMatchesBalance(s, alice.creds.id)).toBe(before - 200_000_000);
  });

  it('leaves no debit without a grant when the authorization fails half-way', async () => {
    const c = await signedClient(origin, 'alice', F.users.alice.password);
    const before = await ledgerMatchesBalance(s, alice.creds.id);
    const id = song('Unsigned Shanty');
    // A fault after the debit: the grant cannot be written (as if the process died there).
    await s.db.exec(`create function fail_grant() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash'; end $$`);
    await s.db.exec(
      `create trigger fail_grant before insert on stream_grants for each row execute function fail_grant()`,
    );
    try {
      const r = await c.call('POST', `/api/v1/stream/${id}`);
      expect(r.status).toBe(500);
    } finally {
      await s.db.exec('drop trigger fail_grant on stream_grants; drop function fail_grant()');
    }
    expect(await ledgerMatchesBalance(s, alice.creds.id)).toBe(before);
    const debits = await s.db.query('select 1 from journal_entries where song_id = $1', [id]);
    expect(debits.rows).toHaveLength(0);
    const ok = await authorize(c, id);
    expect(ok).toMatchObject({ authorized: true, chargedSat: 200_000_000 });
  });

  it('200 simultaneous authorizations with credits for 10 songs yield exactly 10 paid grants', async () => {
    const albumId = stableUuid('t:album:many');
    await s.db.query("insert into albums (id, name, artist) values ($1, 'Many Songs', 'Tester')", [albumId]);
    const ids = Array.from({ length: 12 }, (_, i) => stableUuid(`t:many:${i}`));
    for (const [i, id] of ids.entries()) {
      await s.db.query(
        `insert into songs (id, album_id, track_number, name, artist, price_sat, audio_path, audio_size)
         values ($1, $2, $3, $4, 'Tester', 100000000, $5, 1)`,
        [id, albumId, i + 1, `Many ${i}`, `${fixturePlan().songs[0]!.id}.mp3`],
      );
    }
    const userId = await createPoorUser(s, 'spender', 10);
    const c = await signedClient(origin, 'spender', 'poor-password-1');
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, i) =>
        streamAuthSchema.parse(await (await c.call('POST', `/api/v1/stream/${ids[i % 12]}`)).json()),
      ),
    );
    const paid = answers.filter((a) => a.chargedSat > 0);
    expect(paid).toHaveLength(10);
    expect(answers.filter((a) => !a.authorized).every((a) => /Not enough credits/.test(a.reason!))).toBe(true);
    const grants = await s.db.query<{ n: number; songs: number }>(
      "select count(*)::int as n, count(distinct song_id)::int as songs from stream_grants where user_id = $1 and auth_type = 'credits'",
      [userId],
    );
    expect(grants.rows[0]).toEqual({ n: 10, songs: 10 });
    expect(await ledgerMatchesBalance(s, userId)).toBe(0);
  });
});

async function createPoorUser(s: TestServer, username: string, credits: number): Promise<string> {
  return s.db.transaction((tx) =>
    createSeedUser(tx, { username, password: 'poor-password-1', email: `${username}@test.com`, credits }),
  );
}

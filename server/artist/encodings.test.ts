import fs from 'node:fs';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  encodingJobListSchema,
  encodingJobSchema,
  uploadTicketSchema,
  verifyResultSchema,
} from '@contract/encoding.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F } from '../test/fixture.js';
import {
  backends,
  aliceAsArtist,
  registeredClient,
  signedClient,
  testServer,
  type TestServer,
} from '../test/harness.js';

const SECRET = 'demo-soundlinks-secret-change-me';
type Client = Awaited<ReturnType<typeof signedClient>>;

describe.each(backends())('artist encoding dashboard (%s)', (backend) => {
  let s: TestServer;
  let origin: string;
  let alice: Client;
  let bob: Client;
  const seen: string[] = [];
  const song = () => fs.readFileSync(inject('fixtureMp3'));

  /** Every answer is kept, to check afterwards that none carries the app secret. */
  const call = async (c: Client, method: string, path: string, body?: unknown) => {
    const r = await c.call(method, path, body === undefined ? undefined : JSON.stringify(body));
    const text = await r.text();
    seen.push(text);
    return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const upload = async (c: Client, bytes: Buffer, purpose: 'encode' | 'verify' = 'encode', declared = bytes.length) => {
    const t = await call(c, 'POST', '/api/v1/artist/uploads', {
      name: 'song.mp3',
      size: declared,
      type: 'audio/mpeg',
      purpose,
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const ticket = uploadTicketSchema.parse(t.body);
    const put = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': 'audio/mpeg' },
      body: new Uint8Array(bytes),
    });
    return { ticket, status: put.status, body: (await put.json()) as Record<string, unknown> };
  };
  const postSl = async (path: string, data: string) => {
    const r = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  /** The app's submit: sign on the server, send {"data": jwt} to the service, report the credential. */
  const submit = async (jobId: string, src: string) => {
    const signed = await call(alice, 'POST', '/api/v1/soundlinks/sign', {
      mtd: 'POST',
      url: '/v3/sl/encoding',
      arg: { src, artist: 'The Blue Whales' },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const answer = await postSl('/v3/sl/encoding', String(signed.body.data));
    expect(answer.status).toBe(200);
    return call(alice, 'POST', `/api/v1/artist/encodings/${jobId}/submitted`, { query: answer.body.query });
  };
  const waitFinal = async (jobId: string) => {
    for (let i = 0; i < 240; i++) {
      const r = encodingJobSchema.parse((await call(alice, 'GET', `/api/v1/artist/encodings/${jobId}`)).body);
      if (r.status === 'complete' || r.status === 'failed') return r;
      await new Promise((res) => setTimeout(res, 250));
    }
    throw new Error('the job did not finish in 60 s');
  };

  beforeAll(async () => {
    s = await testServer(backend, {}, { worker: true });
    origin = await s.listen();
    alice = await aliceAsArtist(s, origin);
    bob = await registeredClient(origin, 'bob', 'bob-password-1');
  });
  afterAll(() => s.shutdown());

  it('tells who is an artist, and keeps the dashboard to artists', async () => {
    expect((await call(alice, 'GET', '/api/v1/artist/me')).body).toEqual({
      artist: { id: F.artists.whales, name: 'The Blue Whales' },
    });
    expect((await call(bob, 'GET', '/api/v1/artist/me')).body).toEqual({ artist: null });
    const r = await call(bob, 'POST', '/api/v1/artist/uploads', { name: 'a.mp3', size: 10, type: 'audio/mpeg' });
    expect(r.status).toBe(403);
    expect(String(r.body.message)).toMatch(/artist profile/);
    expect(
      (await call(bob, 'POST', '/api/v1/soundlinks/sign', { mtd: 'POST', url: '/v3/sl/query', arg: {} })).status,
    ).toBe(403);
  });

  it.each([
    [{ name: 'a.txt', size: 10, type: 'text/plain' }, /audio file type/],
    [{ name: 'a.mp3', size: 0, type: 'audio/mpeg' }, /empty/],
    [{ name: 'a.mp3', size: 500 * 1024 * 1024, type: 'audio/mpeg' }, /too large/],
    [{ name: '', size: 10, type: 'audio/mpeg' }, /name/],
  ])('refuses to start the upload %j', async (body, message) => {
    const r = await call(alice, 'POST', '/api/v1/artist/uploads', body);
    expect(r.status).toBe(422);
    expect(String(r.body.message)).toMatch(message);
  });

  it('stores an uploaded song once, checking its signature, size and content', async () => {
    const ok = await upload(alice, song());
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ id: ok.ticket.id, size: song().length, type: 'audio/mpeg' });
    const again = await fetch(ok.ticket.uploadUrl, { method: 'PUT', body: new Uint8Array(song()) });
    expect(again.status).toBe(409);
    const forged = await fetch(ok.ticket.uploadUrl.replace(/s=[^&]+/, 's=forged'), {
      method: 'PUT',
      body: new Uint8Array(song()),
    });
    expect(forged.status).toBe(403);

    const text = await upload(alice, Buffer.alloc(5000, 'not audio at all '));
    expect(text.status).toBe(415);
    expect(String(text.body.message)).toMatch(/not audio/);
    const bigger = await upload(alice, song(), 'encode', 1000);
    expect(bigger.status).toBe(413);
    const shorter = await upload(alice, song().subarray(0, 1000), 'encode', song().length);
    expect(shorter.status).toBe(422);
    expect(String(shorter.body.message)).toMatch(/cut short/);
    // Nothing half-written is left where uploads are read from.
    const left = fs.readdirSync(`${s.dataDir}/media/uploads`);
    expect(left.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(left).toHaveLength(1);
  });

  it('signs only requests for the artist’s own uploads under their own name', async () => {
    const up = await upload(alice, song());
    const job = encodingJobSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: up.ticket.id })).body,
    );
    const sign = (arg: Record<string, unknown>, url = '/v3/sl/encoding') =>
      call(alice, 'POST', '/api/v1/soundlinks/sign', { mtd: 'POST', url, arg });
    const other = `${origin}/media/uploads/${up.ticket.id}?u=${stableUuid('user:bob')}&e=9999999999&s=x`;
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ src: job.src, artist: 'Mr. Chips' }, 403, /your artist name/],
      [{ src: other }, 403, /own uploads/],
      [{ src: job.src.replace('127.0.0.1', 'localhost') }, 403, /own uploads/],
      [{ src: 'https://example.com/song.mp3' }, 403, /own uploads/],
      [{ src: job.src, extra: 1 }, 422, /does not take: extra/],
      [{}, 422, /src/],
    ];
    for (const [arg, status, message] of cases) {
      const r = await sign(arg);
      expect(r.status, JSON.stringify(arg)).toBe(status);
      expect(String(r.body.message)).toMatch(message);
    }
    expect(
      (await call(alice, 'POST', '/api/v1/soundlinks/sign', { mtd: 'GET', url: '/v3/sl/encoding', arg: {} })).status,
    ).toBe(422);
    expect((await sign({ query: 'not-mine' }, '/v3/sl/query')).status).toBe(403);

    // The artist name is filled in when left out; the token is bound to method, path and arguments.
    const r = await sign({ src: job.src });
    expect(r.status).toBe(200);
    const claims = jwt.verify(String(r.body.data), SECRET, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({
      iss: 'demo-app',
      mtd: 'POST',
      url: '/v3/sl/encoding',
      arg: { src: job.src, artist: 'The Blue Whales' },
    });
    // A token for this upload cannot be reported as another job's credential.
    const q = await postSl('/v3/sl/encoding', String(r.body.data));
    const up2 = await upload(alice, song());
    const job2 = encodingJobSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: up2.ticket.id })).body,
    );
    expect(
      (await call(alice, 'POST', `/api/v1/artist/encodings/${job2.id}/submitted`, { query: q.body.query })).status,
    ).toBe(422);
  });

  it('runs the whole job: upload → submitted → processing → complete, and verifies the mark of the result', async () => {
    const up = await upload(alice, song());
    const created = await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: up.ticket.id });
    const job = encodingJobSchema.parse(created.body);
    expect(job).toMatchObject({
      status: 'uploaded',
      artist: 'The Blue Whales',
      fileName: 'song.mp3',
      submittedAt: null,
    });
    const original = await fetch(job.src);
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer()).equals(song())).toBe(true);

    const sub = await submit(job.id, job.src);
    expect(sub.status).toBe(200);
    expect(['submitted', 'processing', 'complete']).toContain(sub.body.status);
    expect((await submit(job.id, job.src)).status).toBe(409);

    const done = await waitFinal(job.id);
    expect(done).toMatchObject({ status: 'complete', markId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    for (const t of [done.uploadedAt, done.submittedAt!, done.processingAt!, done.finishedAt!])
      expect(Date.parse(t)).not.toBeNaN();
    expect(Date.parse(done.submittedAt!)).toBeLessThanOrEqual(Date.parse(done.processingAt!));
    expect(Date.parse(done.processingAt!)).toBeLessThanOrEqual(Date.parse(done.finishedAt!));

    const list = encodingJobListSchema.parse((await call(alice, 'GET', '/api/v1/artist/encodings')).body);
    expect(list.find((j) => j.id === job.id)?.status).toBe('complete');
    expect((await call(bob, 'GET', `/api/v1/artist/encodings/${job.id}`)).status).toBe(403);

    const encoded = Buffer.from(await (await fetch(done.resultUrl!)).arrayBuffer());
    const check = await upload(alice, encoded, 'verify');
    expect(check.status).toBe(200);
    const v = verifyResultSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/verify', { uploadId: check.ticket.id })).body,
    );
    expect(v).toMatchObject({ found: true, id: done.markId, jobId: job.id, factor: { change: 'none', value: 1 } });

    const plain = await upload(alice, song(), 'verify');
    const none = verifyResultSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/verify', { uploadId: plain.ticket.id })).body,
    );
    expect(none).toMatchObject({ found: false, id: null, factor: null });
  }, 120_000);

  it('shows why a job failed, and retries it', async () => {
    // Audio that decodes but is too short to carry a mark.
    const short = song().subarray(0, 40_000);
    const up = await upload(alice, short);
    expect(up.status).toBe(200);
    const job = encodingJobSchema.parse(
      (await call(alice, 'POST', '/api/v1/artist/encodings', { uploadId: up.ticket.id })).body,
    );
    expect((await call(alice, 'POST', `/api/v1/artist/encodings/${job.id}/retry`)).status).toBe(409);
    await submit(job.id, job.src);
    const failed = await waitFinal(job.id);
    expect(failed).toMatchObject({ status: 'failed', message: expect.stringMatching(/too short/) });
    const retried = await call(alice, 'POST', `/api/v1/artist/encodings/${job.id}/retry`);
    expect(retried.body).toMatchObject({ status: 'uploaded', query: null, finishedAt: null, attempts: 1 });
    await submit(job.id, job.src);
    expect(await waitFinal(job.id)).toMatchObject({ status: 'failed', attempts: 2 });
  }, 120_000);

  it('never sends the app secret in any answer', () => {
    expect(seen.length).toBeGreaterThan(20);
    for (const text of seen) expect(text).not.toContain(SECRET);
  });
});

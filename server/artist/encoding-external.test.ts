import fs from 'node:fs';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodingJobSchema, uploadTicketSchema } from '@contract/encoding.js';
import { backends, aliceAsArtist, signedClient, testServer, type TestServer } from '../test/harness.js';

/**
 * SOUNDLINKS_URL set: the app's server relays the app's Soundlinks requests to that endpoint in the
 * same wire format and follows its jobs by asking it. The "external" service here is a second
 * server running the embedded one; it cannot fetch the first server's loopback links (its SSRF rules
 * forbid them), which shows that its answers, failures included, reach the artist.
 */
describe.each(backends())('artist dashboard with an external Soundlinks endpoint (%s)', (backend) => {
  let service: TestServer;
  let app: TestServer;
  let origin: string;
  let alice: Awaited<ReturnType<typeof signedClient>>;
  const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> });

  beforeAll(async () => {
    service = await testServer(backend, {}, { worker: true });
    const serviceOrigin = await service.listen();
    app = await testServer(backend, { SOUNDLINKS_URL: `${serviceOrigin}/v3/sl`, SOUNDLINKS_WORKERS: '0' });
    origin = await app.listen();
    alice = await aliceAsArtist(app, origin);
  });
  afterAll(async () => {
    await app.shutdown();
    await service.shutdown();
  });

  it('says where requests go', async () => {
    expect((await json(await fetch(`${origin}/api/v1/soundlinks/config`))).body).toEqual({
      endpoint: '/v3/sl',
      mode: 'external',
    });
  });

  it('relays the request body unchanged and the answer back', async () => {
    const wrongPath = jwt.sign(
      { iss: 'demo-app', iat: Math.floor(Date.now() / 1000), mtd: 'POST', url: '/v3/sl/query', arg: {} },
      'demo-soundlinks-secret-change-me',
    );
    const r = await json(
      await fetch(`${origin}/v3/sl/encoding`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: wrongPath }),
      }),
    );
    expect(r).toEqual({ status: 403, body: { message: 'This JWT was made for /v3/sl/query, not /v3/sl/encoding' } });
  });

  it('submits through the relay and follows the job from the external service', async () => {
    const song = fs.readFileSync(inject('fixtureMp3'));
    const t = uploadTicketSchema.parse(
      await (
        await alice.call(
          'POST',
          '/api/v1/artist/uploads',
          JSON.stringify({ name: 's.mp3', size: song.length, type: 'audio/mpeg' }),
        )
      ).json(),
    );
    expect((await fetch(t.uploadUrl, { method: 'PUT', body: new Uint8Array(song) })).status).toBe(200);
    const job = encodingJobSchema.parse(
      await (await alice.call('POST', '/api/v1/artist/encodings', JSON.stringify({ uploadId: t.id }))).json(),
    );
    const signed = (await (
      await alice.call(
        'POST',
        '/api/v1/soundlinks/sign',
        JSON.stringify({ mtd: 'POST', url: '/v3/sl/encoding', arg: { src: job.src } }),
      )
    ).json()) as { data: string };
    const answer = await json(
      await fetch(`${origin}/v3/sl/encoding`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: signed.data }),
      }),
    );
    expect(answer.status).toBe(200);
    // The job is the service's: it is in its queue, not in the app server's.
    const queued = await service.db.query('select src, artist from soundlinks_jobs where query = $1', [
      answer.body.query,
    ]);
    expect(queued.rows[0]).toEqual({ src: job.src, artist: 'The Blue Whales' });
    expect((await app.db.query('select 1 from soundlinks_jobs')).rows).toHaveLength(0);

    const sub = await alice.call(
      'POST',
      `/api/v1/artist/encodings/${job.id}/submitted`,
      JSON.stringify({ query: answer.body.query }),
    );
    expect(sub.status).toBe(200);
    let last = encodingJobSchema.parse(await sub.json());
    // The credential follows one job only.
    const t2 = uploadTicketSchema.parse(
      await (
        await alice.call(
          'POST',
          '/api/v1/artist/uploads',
          JSON.stringify({ name: 't.mp3', size: song.length, type: 'audio/mpeg' }),
        )
      ).json(),
    );
    await fetch(t2.uploadUrl, { method: 'PUT', body: new Uint8Array(song) });
    const other = encodingJobSchema.parse(
      await (await alice.call('POST', '/api/v1/artist/encodings', JSON.stringify({ uploadId: t2.id }))).json(),
    );
    const dup = await alice.call(
      'POST',
      `/api/v1/artist/encodings/${other.id}/submitted`,
      JSON.stringify({ query: answer.body.query }),
    );
    expect(dup.status).toBe(409);
    for (let i = 0; i < 120 && last.status !== 'failed' && last.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      last = encodingJobSchema.parse(await (await alice.call('GET', `/api/v1/artist/encodings/${job.id}`)).json());
    }
    // The service's own upload link is on another server (loopback here): not fetched, and the
    // artist is told only that (issue 13: a job's message is no oracle of the network).
    expect(last).toMatchObject({ status: 'failed', message: 'The link could not be fetched' });
    expect(last.processingAt).not.toBeNull();
    expect(last.finishedAt).not.toBeNull();
  }, 90_000);
});

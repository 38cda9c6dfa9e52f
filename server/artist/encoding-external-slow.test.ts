import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodingJobListSchema } from '@contract/encoding.js';
import { stableUuid } from '../db/seed/catalog-writer.js';
import { F } from '../test/fixture.js';
import { backends, signedClient, testServer, type TestServer } from '../test/harness.js';

const JOBS = 8;

/**
 * SOUNDLINKS_URL names a service that takes status questions and never answers. The job list still
 * answers, with every job's last known status, having asked a few questions at a time.
 */
describe.each(backends())('artist job list with a hanging external Soundlinks endpoint (%s)', (backend) => {
  let hanging: http.Server;
  let app: TestServer;
  let alice: Awaited<ReturnType<typeof signedClient>>;
  let open = 0;
  let maxOpen = 0;
  const asked: string[] = [];

  beforeAll(async () => {
    hanging = http.createServer((req) => {
      asked.push(req.url ?? '');
      open++;
      maxOpen = Math.max(maxOpen, open);
      req.socket.on('close', () => open--);
      req.resume();
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    app = await testServer(backend, { SOUNDLINKS_URL: `http://127.0.0.1:${port}/v3/sl`, SOUNDLINKS_WORKERS: '0' });
    const origin = await app.listen();
    const userId = stableUuid('user:alice');
    await app.db.query('update artist_profiles set user_id = $1 where id = $2', [userId, F.artists.whales]);
    for (let i = 0; i < JOBS; i++) {
      const u = await app.db.query<{ id: string }>(
        `insert into artist_uploads (user_id, artist_profile_id, purpose, name, declared_size, stored_at, size,
                                     audio_type, file_name)
         values ($1, $2, 'encode', $3, 10, now(), 10, 'audio/mpeg', $3) returning id`,
        [userId, F.artists.whales, `song-${i}.mp3`],
      );
      await app.db.query(
        `insert into artist_encodings (user_id, upload_id, artist, uploaded_at, status, message, query, submitted_at)
         values ($1, $2, 'The Blue Whales', now(), $3, $4, $5, now())`,
        [
          userId,
          u.rows[0]!.id,
          i % 2 ? 'processing' : 'submitted',
          i % 2 ? `Encoding: step ${i}` : 'Submitted: waiting for an encoder',
          `q-${i}`,
        ],
      );
    }
    alice = await signedClient(origin, 'alice', F.users.alice.password);
  });
  afterAll(async () => {
    await app.shutdown();
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it('answers with the last known statuses, asking several questions at once but no more than 4', async () => {
    const r = await alice.call('GET', '/api/v1/artist/encodings');
    expect(r.status).toBe(200);
    const jobs = encodingJobListSchema.parse(await r.json());
    expect(jobs).toHaveLength(JOBS);
    for (const job of jobs) {
      const i = Number(/song-(\d+)/.exec(job.fileName)![1]);
      expect(job).toMatchObject(
        i % 2
          ? { status: 'processing', message: `Encoding: step ${i}` }
          : { status: 'submitted', message: 'Submitted: waiting for an encoder' },
      );
    }
    // One at a time would have been 1; every question went to the query endpoint.
    expect(maxOpen).toBe(4);
    expect(asked.length).toBeGreaterThanOrEqual(4);
    expect(new Set(asked)).toEqual(new Set(['/v3/sl/query']));
  }, 30_000);
});

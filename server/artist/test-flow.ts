import { encodingJobSchema, uploadTicketSchema, type EncodingJob } from '@contract/encoding.js';
import type { signedClient } from '../test/harness.js';

/** Test steps shared by the release tests: what the dashboard does, through the API. */
export type Client = Awaited<ReturnType<typeof signedClient>>;

export async function json(c: Client, method: string, path: string, body?: unknown) {
  const r = await c.call(method, path, body === undefined ? undefined : JSON.stringify(body));
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { message?: string } };
}

export async function uploadFile(c: Client, bytes: Uint8Array, purpose: 'encode' | 'verify' = 'encode') {
  const t = await json(c, 'POST', '/api/v1/artist/uploads', {
    name: 'song.mp3',
    size: bytes.length,
    type: 'audio/mpeg',
    purpose,
  });
  if (t.status !== 200) throw new Error(`upload ticket: ${t.status} ${JSON.stringify(t.body)}`);
  const ticket = uploadTicketSchema.parse(t.body);
  const put = await fetch(ticket.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'audio/mpeg' },
    body: new Uint8Array(bytes),
  });
  if (put.status !== 200) throw new Error(`upload: ${put.status}`);
  return ticket.id;
}

/** Upload, create the job, sign and send the Soundlinks request, report it, wait for the end. */
export async function encodeSong(c: Client, origin: string, bytes: Uint8Array, artist: string): Promise<EncodingJob> {
  const uploadId = await uploadFile(c, bytes);
  const job = encodingJobSchema.parse((await json(c, 'POST', '/api/v1/artist/encodings', { uploadId })).body);
  const signed = await json(c, 'POST', '/api/v1/soundlinks/sign', {
    mtd: 'POST',
    url: '/v3/sl/encoding',
    arg: { src: job.src, artist },
  });
  const answer = await fetch(`${origin}/v3/sl/encoding`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: signed.body.data }),
  });
  const { query } = (await answer.json()) as { query: string };
  await json(c, 'POST', `/api/v1/artist/encodings/${job.id}/submitted`, { query });
  for (let i = 0; i < 400; i++) {
    const r = encodingJobSchema.parse((await json(c, 'GET', `/api/v1/artist/encodings/${job.id}`)).body);
    if (r.status === 'complete' || r.status === 'failed') return r;
    await new Promise((res) => setTimeout(res, 150));
  }
  throw new Error('the encoding did not finish in 60 s');
}

export async function getPublic(origin: string, path: string) {
  const r = await fetch(`${origin}${path}`);
  const text = await r.text();
  return { status: r.status, body: (text ? JSON.parse(text) : null) as unknown };
}

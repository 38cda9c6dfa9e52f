import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { idParamsSchema, signedUploadQuerySchema } from '@contract/params.js';
import { sniffAudioType } from '../audio/codec/sniff.js';
import type { Db } from '../db/connection.js';
import { HttpError, notFound, isClientError } from '../lib/errors.js';
import { typed, type App } from '../lib/validation.js';
import type { RouteOptions } from '../tokenly/context.js';
import { sendFile } from '../storage/files.js';
import { parseMediaUrl } from '../storage/media-urls.js';
import { verifyMediaUrl } from '../storage/signed-urls.js';
import { UPLOAD_MAX_MS, markStored, storedPath, uploadById, uploadsDir } from './uploads-repo.js';

const linkSchema = { params: idParamsSchema, querystring: signedUploadQuerySchema };
const TYPE_OF = { mp3: 'audio/mpeg', wav: 'audio/wav', flac: 'audio/flac', ogg: 'audio/ogg' } as const;
/** enough for the sniffer: an ID3 tag and the first frames */
const SNIFF_BYTES = 256 * 1024;

async function readHead(file: string, n: number): Promise<Uint8Array> {
  const h = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await h.read(buf, 0, n, 0);
    return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
  } finally {
    await h.close();
  }
}

/**
 * Streams the body to a temporary file, never more than `limit` bytes; returns the size. A client
 * that goes quiet for `idleMs` (or trickles past UPLOAD_MAX_MS) is dropped: the server has no
 * request timeout, and a stalled upload would hold its connection and file open for ever.
 */
async function receive(req: FastifyRequest, tmp: string, limit: number, idleMs: number): Promise<number> {
  // The server drops quiet connections sooner; an upload keeps its own idle limit (checked below).
  req.raw.socket.setTimeout(idleMs + 10_000);
  let size = 0;
  const ac = new AbortController();
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => ac.abort(new HttpError(408, `No bytes arrived for ${Math.round(idleMs / 1000)} s: the upload was dropped`)),
      idleMs,
    );
  };
  const total = setTimeout(
    () => ac.abort(new HttpError(408, `The upload took longer than ${UPLOAD_MAX_MS / 60_000} minutes`)),
    UPLOAD_MAX_MS,
  );
  arm();
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      arm();
      size += chunk.length;
      if (size > limit) cb(new HttpError(413, `The file is larger than the ${limit} bytes announced`));
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(req.raw, counter, fs.createWriteStream(tmp, { flags: 'wx' }), { signal: ac.signal });
  } catch (err) {
    if (ac.signal.aborted) throw ac.signal.reason;
    throw err;
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
  }
  return size;
}

/**
 * An artist's upload: the bytes are PUT to a short-lived signed URL (issued by a signed JSON request,
 * since the HMAC scheme signs a JSON body, not a binary one), written under a temporary name,
 * checked for size and audio content, and renamed into place. A signed `source` link reads them back
 * (the player, and the Soundlinks fetcher: for the embedded service straight from disk).
 */
export async function uploadRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, mediaSecret: secret } = ctx;
  const { dataDir } = ctx.config;
  const idleTimeoutMs = ctx.config.uploadIdleTimeoutSec * 1000;
  const dir = uploadsDir(dataDir);

  await app.register(async (plain) => {
    const scope = typed(plain);
    // The body is a raw audio stream of any declared type: the handler reads it itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    scope.put('/media/uploads/:id', { schema: linkSchema, logLevel: 'warn' }, async (req) => {
      const { id } = req.params;
      const check = verifyMediaUrl(secret, 'upload', id, req.query);
      if (!check.ok) throw new HttpError(403, check.reason);
      const row = await uploadById(db, id);
      if (!row || row.user_id !== check.userId) throw notFound('Upload');
      if (row.stored_at) throw new HttpError(409, 'This upload has already been received');
      const declared = Number(row.declared_size);
      const announced = req.headers['content-length'];
      if (announced !== undefined && Number(announced) > declared) {
        throw new HttpError(413, `The file is larger than the ${declared} bytes announced`);
      }
      await fsp.mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `.${id}.${crypto.randomBytes(4).toString('hex')}.part`);
      try {
        const size = await receive(req, tmp, declared, idleTimeoutMs).catch((err: unknown) => {
          if (isClientError(err)) throw err;
          throw new HttpError(400, 'The upload broke off before the whole file arrived');
        });
        if (size !== declared) {
          throw new HttpError(422, `The upload was cut short: ${size} of ${declared} bytes arrived`);
        }
        const kind = sniffAudioType(await readHead(tmp, SNIFF_BYTES));
        if (!kind) throw new HttpError(415, 'This file is not audio: upload an MP3, WAV, FLAC or Ogg file');
        // A name of its own per attempt: the row points at exactly the file that was checked.
        const name = `${id}-${crypto.randomBytes(4).toString('hex')}.${kind}`;
        await fsp.rename(tmp, path.join(dir, name));
        if (!(await markStored(db, id, { size, audioType: TYPE_OF[kind], fileName: name }))) {
          await fsp.rm(path.join(dir, name), { force: true });
          throw new HttpError(409, 'This upload has already been received');
        }
        return { id, size, type: TYPE_OF[kind] };
      } finally {
        await fsp.rm(tmp, { force: true });
      }
    });
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/media/uploads/:id',
    schema: linkSchema,
    logLevel: 'warn',
    handler: async (req, reply) => {
      const { id } = req.params;
      const check = verifyMediaUrl(secret, 'source', id, req.query);
      if (!check.ok) throw new HttpError(403, check.reason);
      const row = await uploadById(db, id);
      const file = row && row.user_id === check.userId ? storedPath(dataDir, row) : undefined;
      if (!row || !file) throw notFound('Upload');
      return sendFile(req, reply, file, {
        cacheControl: `private, max-age=${Math.max(0, check.exp - Math.floor(Date.now() / 1000))}`,
        contentType: row.audio_type ?? 'application/octet-stream',
      });
    },
  });
}

/** The file behind one of this server's signed `source` links, for the embedded fetcher. */
export async function ownUploadFile(
  db: Db,
  dataDir: string,
  secret: string,
  url: URL,
): Promise<string | 'gone' | undefined> {
  const link = parseMediaUrl(url);
  if (link?.kind !== 'uploads') return undefined;
  const check = verifyMediaUrl(secret, 'source', link.id, link.query);
  if (!check.ok) return undefined;
  // Signed by this server: it is ours, so a missing record or file means deleted, never "fetch it".
  const row = await uploadById(db, link.id);
  return (row && row.user_id === check.userId ? storedPath(dataDir, row) : undefined) ?? 'gone';
}

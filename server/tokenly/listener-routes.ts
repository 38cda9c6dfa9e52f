import { downloadFiles } from '../storage/download-tags.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idResponseSchema, profileSchema } from '../../contract/account.js';
import { pagingQuerySchema } from '../../contract/common.js';
import {
  balanceQuerySchema,
  balanceSchema,
  ledgerPageSchema,
  mySongListSchema,
  playlistsSchema,
  STORED_DOCUMENT_MAX_BYTES,
  storedPlaylistsSchema,
  streamAuthSchema,
  tcaBodySchema,
  tcaResponseSchema,
} from '../../contract/listener.js';
import { HttpError } from '../lib/errors.js';
import { signMediaUrl } from '../storage/signed-urls.js';
import { userOf, type AppContext } from './context.js';
import { balanceOf, walletHistory, wallet } from '../money/index.js';
import { etagOf, readDocument, writeDocument, type DocumentTable } from './documents-repo.js';
import { paging, satToFloat } from './format.js';
import { mySongs, tcaStatus } from './listener-repo.js';
import { authorizeStream, toStreamAuth } from './stream-repo.js';
import { recordGrant } from './history-repo.js';

const DOWNLOAD_TTL_SEC = 3600;
/** A stream URL lives shorter than its grant; the player asks again (for free) when it expires. */
const STREAM_URL_TTL_SEC = 1800;
const PRIVATE = 'private, no-store';

/** The 4 KB limit counts the body as sent; a clear 413 names the size. */
function checkStoredSize(req: FastifyRequest, what: string): void {
  const bytes = Buffer.byteLength(req.rawBody ?? '', 'utf8');
  if (bytes > STORED_DOCUMENT_MAX_BYTES) {
    throw new HttpError(
      413,
      `${what} are limited to 4 KB of JSON (${STORED_DOCUMENT_MAX_BYTES} bytes); this one has ${bytes} bytes`,
    );
  }
  if (req.body === undefined) throw new HttpError(422, `${what}: send a JSON object as the body`);
  // The publisher's SDK turns any answer with a top-level "error" or "errors" into an exception.
  const body = req.body as Record<string, unknown>;
  for (const key of ['error', 'errors']) {
    if (body && typeof body === 'object' && Object.hasOwn(body, key)) {
      throw new HttpError(422, `${what}: the top-level key "${key}" is reserved (clients read it as a failure)`);
    }
  }
}

function documentRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  url: string,
  table: DocumentTable,
  what: string,
  schema: z.ZodType,
  storedSchema: z.ZodType = schema,
) {
  app.get(url, { preValidation: ctx.requireUser, schema: { response: { 200: storedSchema } } }, async (req, reply) => {
    const doc = await readDocument(ctx.db, table, userOf(req).id);
    reply.header('etag', etagOf(doc.version)).header('cache-control', PRIVATE);
    return doc.data;
  });
  app.put(
    url,
    {
      // The size is checked before the shape, so an oversized body is told it is too large.
      preValidation: [ctx.requireUser, async (req: FastifyRequest) => checkStoredSize(req, what)],
      schema: { body: schema, response: { 200: idResponseSchema } },
    },
    async (req, reply) => {
      const ifMatch = req.headers['if-match'];
      const doc = await writeDocument(ctx.db, table, userOf(req).id, req.body as Record<string, unknown>, ifMatch);
      reply.header('etag', etagOf(doc.version));
      return { id: doc.id! };
    },
  );
}

export function listenerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const auth = { preValidation: ctx.requireUser };

  app.get('/api/v1/music/mysongs', { ...auth, schema: { response: { 200: mySongListSchema } } }, async (req, reply) => {
    const user = userOf(req);
    const exp = Math.floor(Date.now() / 1000) + DOWNLOAD_TTL_SEC;
    const origin = ctx.origin(req);
    reply.header('cache-control', PRIVATE);
    const songs = await mySongs(db, user.id, (songId) =>
      signMediaUrl(origin, ctx.mediaSecret, 'download', songId, user.id, exp),
    );
    // The size of what the link serves: the tagged copy (made here on first use, then kept).
    const files = await downloadFiles(
      db,
      ctx.config.dataDir,
      songs.filter((x) => x.downloadUrl).map((x) => x.id),
    );
    for (const song of songs) if (song.downloadUrl) song.downloadSize = files.get(song.id)?.size ?? 0;
    return songs;
  });

  documentRoutes(app, ctx, '/api/v1/playlists', 'playlists', 'Playlists', playlistsSchema, storedPlaylistsSchema);
  documentRoutes(app, ctx, '/api/v1/profile', 'user_profiles', 'Profiles', profileSchema);

  app.get(
    '/api/v1/credits/balance',
    { ...auth, schema: { querystring: balanceQuerySchema, response: { 200: balanceSchema } } },
    async (req, reply) => {
      // Balances live here, not in a remote cache, so `refresh` has nothing stale to skip.
      const sat = await balanceOf(db, wallet(userOf(req).id));
      reply.header('cache-control', PRIVATE);
      return { balanceFloat: satToFloat(sat), balanceSat: sat };
    },
  );

  app.get(
    '/api/v1/credits/history',
    { ...auth, schema: { querystring: pagingQuerySchema, response: { 200: ledgerPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      return walletHistory(db, userOf(req).id, paging(req.query as z.output<typeof pagingQuerySchema>));
    },
  );

  const songParams = z.object({ songId: z.string() });
  app.post(
    '/api/v1/stream/:songId',
    { ...auth, schema: { params: songParams, response: { 200: streamAuthSchema } } },
    async (req: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(req);
      const { songId } = req.params as z.infer<typeof songParams>;
      const decision = await authorizeStream(db, user.id, songId, { feePercent: ctx.config.platformFeePercent });
      let url: string | null = null;
      if (decision.authorized) {
        // The listening history; a failure to write it never stands between a listener and the song.
        await recordGrant(db, user.id, songId).catch((err: unknown) => req.log.warn({ err }, 'history not recorded'));
        const grantEnd = Math.floor(new Date(decision.grant.expiresAt).getTime() / 1000);
        const exp = Math.min(grantEnd, Math.floor(Date.now() / 1000) + STREAM_URL_TTL_SEC);
        url = signMediaUrl(ctx.origin(req), ctx.mediaSecret, 'stream', songId, user.id, exp);
      }
      reply.header('cache-control', PRIVATE);
      return toStreamAuth(decision, url);
    },
  );

  app.post(
    '/api/v1/tca/status',
    { ...auth, schema: { body: tcaBodySchema, response: { 200: tcaResponseSchema } } },
    async (req) => tcaStatus(db, userOf(req).id, (req.body as z.output<typeof tcaBodySchema>).tokens),
  );
}

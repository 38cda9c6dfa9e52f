import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { idResponseSchema, profileSchema } from '@contract/account.js';
import { pagingQuerySchema } from '@contract/common.js';
import {
  balanceQuerySchema,
  balanceSchema,
  ledgerPageSchema,
  mySongListSchema,
  STORED_DOCUMENT_MAX_BYTES,
  streamAuthSchema,
  tcaBodySchema,
  tcaResponseSchema,
} from '@contract/listener.js';
import { songIdParamsSchema } from '@contract/params.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { signMediaUrl } from '../storage/signed-urls.js';
import { userOf, type AppContext, type RouteOptions } from './context.js';
import { walletHistory } from '../money/index.js';
import { etagOf, readDocument, writeDocument, type DocumentTable } from './documents-repo.js';
import { paging, satToFloat } from './format.js';
import { toStreamAuth } from './stream-repo.js';
import { cachedBalance, mySongsJson, streamDecision, tcaCheck } from '../cache/listener-answers.js';

const DOWNLOAD_TTL_SEC = 3600;
/** A stream URL lives shorter than its grant; the player asks again (for free) when it expires. */
const STREAM_URL_TTL_SEC = 1800;
const PRIVATE = 'private, no-store';
const isSet = (flag: string | undefined) => flag !== undefined && !['0', 'false', ''].includes(flag.toLowerCase());

/** The 4 KB limit counts the body as sent; a clear 413 names the size. */
export function checkStoredSize(req: FastifyRequest, what: string): void {
  const bytes = Buffer.byteLength(req.rawBody ?? '', 'utf8');
  if (bytes > STORED_DOCUMENT_MAX_BYTES) {
    throw new HttpError(
      413,
      `${what} are limited to 4 KB of JSON (${STORED_DOCUMENT_MAX_BYTES} bytes); this one has ${bytes} bytes`,
    );
  }
  if (req.body === undefined) throw new HttpError(422, `${what}: send a JSON object as the body`);
  // The publisher's SDK turns any answer with a top-level "error" or "errors" into an exception.
  const body: unknown = req.body;
  for (const key of ['error', 'errors']) {
    if (body && typeof body === 'object' && Object.hasOwn(body, key)) {
      throw new HttpError(422, `${what}: the top-level key "${key}" is reserved (clients read it as a failure)`);
    }
  }
}

function documentRoutes(
  app: App,
  ctx: AppContext,
  url: string,
  table: DocumentTable,
  what: string,
  schema: z.ZodType<Record<string, unknown>>,
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
      const doc = await writeDocument(ctx.db, table, userOf(req).id, req.body, ifMatch);
      reply.header('etag', etagOf(doc.version));
      return { id: doc.id! };
    },
  );
}

export async function listenerRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const auth = { preValidation: ctx.requireUser };
  /** the session may be one seen in the last 2 s (see `requireSeenUser`) */
  const seen = { preValidation: ctx.requireSeenUser };

  app.get('/api/v1/music/mysongs', { ...auth, schema: { response: { 200: mySongListSchema } } }, async (req, reply) => {
    const user = userOf(req);
    const exp = Math.floor(Date.now() / 1000) + DOWNLOAD_TTL_SEC;
    const origin = ctx.origin(req);
    reply.header('cache-control', PRIVATE);
    const sign = (songId: string) => signMediaUrl(origin, ctx.mediaSecret, 'download', songId, user.id, exp);
    const body = await mySongsJson(ctx, user.id, { origin, exp, sign });
    // Already the contract's JSON (parsed by mySongListSchema when it was made): sent as text.
    return reply.type('application/json; charset=utf-8').send(body as never);
  });

  // GET/PUT /api/v1/playlists: server/playlists/document-routes.ts (playlists are rows since issue 21).
  documentRoutes(app, ctx, '/api/v1/profile', 'user_profiles', 'Profiles', profileSchema);

  app.get(
    '/api/v1/credits/balance',
    { ...auth, schema: { querystring: balanceQuerySchema, response: { 200: balanceSchema } } },
    async (req, reply) => {
      // `refresh` skips the balance cache (kept at most 2 s, dropped at once on a change).
      const sat = await cachedBalance(ctx, userOf(req).id, isSet(req.query.refresh));
      reply.header('cache-control', PRIVATE);
      return { balanceFloat: satToFloat(sat), balanceSat: sat };
    },
  );

  app.get(
    '/api/v1/credits/history',
    { ...auth, schema: { querystring: pagingQuerySchema, response: { 200: ledgerPageSchema } } },
    async (req, reply) => {
      reply.header('cache-control', PRIVATE);
      return walletHistory(db, userOf(req).id, paging(req.query));
    },
  );

  app.post(
    '/api/v1/stream/:songId',
    { ...seen, schema: { params: songIdParamsSchema, response: { 200: streamAuthSchema } } },
    async (req, reply) => {
      const user = userOf(req);
      const { songId } = req.params;
      const session = { apiToken: user.apiToken, confirm: () => ctx.confirmSession(req) };
      const decision = await streamDecision(ctx, user.id, songId, session, (err) =>
        req.log.warn({ err }, 'history not recorded'),
      );
      let url: string | null = null;
      if (decision.authorized) {
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
    // A read-only question (a POST for its body): a session seen in the last 2 s may ask it; the
    // holdings are read from the database on PostgreSQL (a revocation is honoured at once).
    { ...seen, schema: { body: tcaBodySchema, response: { 200: tcaResponseSchema } } },
    async (req) => {
      const user = userOf(req);
      return tcaCheck(ctx, { userId: user.id, apiToken: user.apiToken }, req.body.tokens);
    },
  );
}

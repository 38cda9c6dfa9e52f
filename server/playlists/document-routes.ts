import type { FastifyRequest } from 'fastify';
import { playlistsSchema, storedPlaylistsSchema } from '@contract/listener.js';
import { documentPutResultSchema } from '@contract/playlists.js';
import type { App } from '../lib/validation.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { etagOf } from '../tokenly/documents-repo.js';
import { checkStoredSize } from '../tokenly/listener-routes.js';
import { putLegacyDocument, readLegacyDocument } from './document-repo.js';

/**
 * The publisher's documented playlists document (`GET`/`PUT /api/v1/playlists`), answered from
 * the playlists as rows: same shape, same 4 KB limit on what a PUT sends, same ETag/If-Match.
 */
export async function documentRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  app.get(
    '/api/v1/playlists',
    { preValidation: ctx.requireUser, schema: { response: { 200: storedPlaylistsSchema } } },
    async (req, reply) => {
      const doc = await readLegacyDocument(ctx.db, userOf(req).id);
      reply.header('etag', etagOf(doc.version)).header('cache-control', 'private, no-store');
      return doc.data;
    },
  );
  app.put(
    '/api/v1/playlists',
    {
      // The size is checked before the shape, so an oversized body is told it is too large.
      preValidation: [ctx.requireUser, async (req: FastifyRequest) => checkStoredSize(req, 'Playlists')],
      schema: { body: playlistsSchema, response: { 200: documentPutResultSchema } },
    },
    async (req, reply) => {
      const r = await putLegacyDocument(ctx.db, userOf(req).id, req.body, req.headers['if-match']);
      reply.header('etag', etagOf(r.version));
      const { version: _version, ...answer } = r;
      return answer;
    },
  );
}

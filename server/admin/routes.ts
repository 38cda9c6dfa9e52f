import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import type { RouteOptions } from '../tokenly/context.js';
import { runAdmin, type AdminCommand } from './commands.js';
import { ensureAdminToken } from './token-file.js';

/** An operator command (runAdmin checks each command's own fields and answers 422 for a wrong one). */
const adminCommandSchema = z.custom<AdminCommand>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { cmd?: unknown }).cmd === 'string',
  'body must be an operator command: {"cmd": ...}',
);

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The embedded database belongs to the one server process, so operator commands reach it through
 * the server: loopback only, with the token from DATA_DIR/admin-token in a header.
 */
export async function adminRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db } = ctx;
  const token = Buffer.from(ensureAdminToken(ctx.config.dataDir));
  // The caller is checked before the body: a stranger learns nothing of the commands' shape.
  const operatorOnly = async (req: FastifyRequest) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
      throw new HttpError(403, 'Operator commands are taken from this machine only');
    const given = Buffer.from(String(req.headers['x-admin-token'] ?? ''));
    if (given.length !== token.length || !crypto.timingSafeEqual(given, token))
      throw new HttpError(403, 'Wrong admin token');
  };
  app.post(
    '/admin/v1/run',
    { logLevel: 'warn', preValidation: operatorOnly, schema: { body: adminCommandSchema } },
    async (req) => ({ output: await runAdmin(db, req.body) }),
  );
}

import type { FastifyRequest } from 'fastify';
import { eachLimited } from '../lib/each-limited.js';
import { queryExternal } from '../soundlinks/client.js';
import { applyAnswer, duePolls, syncEmbedded } from './encodings-repo.js';
import { userOf, type AppContext } from '../tokenly/context.js';

const POLL_CONCURRENCY = 4;
const POLL_TIMEOUT_MS = 3_000;

/** Brings the artist's unfinished jobs up to date from wherever they run. */
export async function refreshJobs(ctx: AppContext, req: FastifyRequest): Promise<void> {
  const { db, config } = ctx;
  const userId = userOf(req).id;
  if (!config.soundlinksUrl) {
    await syncEmbedded(db, userId, config.soundlinksAppId, `${ctx.origin(req)}/media/encoded/`);
    return;
  }
  // A few questions at a time, each with a short timeout, none started after the budget: a slow or
  // hanging service costs the job list a few seconds at most, and a job it did not answer about
  // keeps its last known status (and is asked again on a later poll).
  const until = Date.now() + POLL_TIMEOUT_MS;
  await eachLimited(await duePolls(db, userId), POLL_CONCURRENCY, async (due) => {
    if (Date.now() > until) return;
    const answer = await queryExternal(config, due.query, POLL_TIMEOUT_MS).catch((err: unknown) => {
      req.log.warn({ err }, 'soundlinks status query failed');
      return undefined;
    });
    if (answer) await applyAnswer(db, due.id, answer);
  });
}

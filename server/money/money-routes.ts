import type { FastifyRequest } from 'fastify';
import Stripe from 'stripe';
import { balanceSchema } from '@contract/listener.js';
import {
  creditOptionsSchema,
  earningsQuerySchema,
  earningsSchema,
  redeemBodySchema,
  statementQuerySchema,
  statementSchema,
  webhookAnswerSchema,
} from '@contract/money.js';
import { HttpError } from '../lib/errors.js';
import type { App } from '../lib/validation.js';
import { artistOf } from '../artist/encodings-repo.js';
import { userOf, type RouteOptions } from '../tokenly/context.js';
import { satToFloat } from '../tokenly/format.js';
import { artistEarnings, monthlyStatement } from './earnings-repo.js';
import { creditPurchase } from './purchases-repo.js';
import { redeemVoucher } from './vouchers-repo.js';

const PRIVATE = 'private, no-store';

/** The ledger's endpoints, additions to the publisher's API (see server/README.md). */
export async function moneyRoutes(app: App, { ctx }: RouteOptions): Promise<void> {
  const { db, config } = ctx;
  const auth = { preValidation: ctx.requireUser };

  app.post(
    '/api/v1/credits/redeem',
    { ...auth, schema: { body: redeemBodySchema, response: { 200: balanceSchema } } },
    async (req, reply) => {
      const { code } = req.body;
      const { balanceSat } = await redeemVoucher(db, userOf(req).id, code);
      reply.header('cache-control', PRIVATE);
      return { balanceFloat: satToFloat(balanceSat), balanceSat };
    },
  );

  app.get('/api/v1/credits/options', { schema: { response: { 200: creditOptionsSchema } } }, async () => ({
    // A link that sells credits nobody would receive (no webhook secret) is not offered.
    checkoutUrl: config.creditsCheckoutUrl && config.stripeWebhookSecret ? config.creditsCheckoutUrl : null,
  }));

  app.post(
    '/api/v1/payments/webhook',
    { schema: { response: { 200: webhookAnswerSchema } } },
    async (req: FastifyRequest) => {
      if (!config.stripeWebhookSecret) throw new HttpError(404, 'Card payments are not set up on this server');
      const signature = req.headers['stripe-signature'];
      if (typeof signature !== 'string') throw new HttpError(400, 'The Stripe-Signature header is missing');
      let event: Stripe.Event;
      try {
        // The provider's own verification: the signature over the raw body, and a recent timestamp.
        event = Stripe.webhooks.constructEvent(req.rawBody ?? '', signature, config.stripeWebhookSecret);
      } catch (err) {
        throw new HttpError(400, `The webhook signature was refused: ${(err as Error).message}`);
      }
      if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.async_payment_succeeded')
        return { received: true as const, credited: false };
      const session = event.data.object;
      if (session.payment_status !== 'paid') return { received: true as const, credited: false };
      const credited = await creditPurchase(db, {
        eventId: event.id,
        userId: session.client_reference_id,
        amountTotal: session.amount_total,
        currency: session.currency,
        creditsPerUnitSat: config.creditsPerUnitSat,
      });
      if (credited) req.log.info({ event: event.id }, 'credits purchased');
      return { received: true as const, credited };
    },
  );

  const requireArtist = async (req: FastifyRequest) => {
    const artist = await artistOf(db, userOf(req).id);
    if (!artist) throw new HttpError(403, 'Only users with an artist profile have earnings');
    return artist;
  };

  app.get(
    '/api/v1/artist/earnings',
    { ...auth, schema: { querystring: earningsQuerySchema, response: { 200: earningsSchema } } },
    async (req, reply) => {
      const artist = await requireArtist(req);
      const q = req.query;
      reply.header('cache-control', PRIVATE);
      return artistEarnings(db, artist, { days: q.days ?? 30, feePercent: config.platformFeePercent });
    },
  );

  app.get(
    '/api/v1/artist/earnings/statement',
    { ...auth, schema: { querystring: statementQuerySchema, response: { 200: statementSchema } } },
    async (req, reply) => {
      const artist = await requireArtist(req);
      const { month } = req.query;
      reply.header('cache-control', PRIVATE);
      const slug =
        artist.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'artist';
      return { month, filename: `${slug}-earnings-${month}.csv`, csv: await monthlyStatement(db, artist.id, month) };
    },
  );
}

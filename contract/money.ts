import { z } from 'zod';

/** POST /api/v1/credits/redeem (an addition): a voucher code; answers like the balance endpoint. */
export const redeemBodySchema = z.object({
  code: z
    .string({ message: 'code: send the voucher code as a string' })
    .trim()
    .min(1, 'code: enter a voucher code')
    .max(64, 'code: voucher codes are at most 64 characters'),
});

/** GET /api/v1/credits/options (an addition): how credits can be bought here, if at all. */
export const creditOptionsSchema = z.object({
  /** a payment link to open with ?client_reference_id=<user id>; null: no card purchases here */
  checkoutUrl: z.string().nullable(),
});
export type CreditOptions = z.infer<typeof creditOptionsSchema>;

export const earningsDaySchema = z.object({
  day: z.string(),
  plays: z.number().int(),
  listeners: z.number().int(),
  creditsSat: z.number().int(),
});
export const earningsSongSchema = z.object({
  songId: z.string(),
  name: z.string(),
  album: z.string(),
  plays: z.number().int(),
  listeners: z.number().int(),
  creditsSat: z.number().int(),
});
export const payoutSchema = z.object({
  id: z.number().int(),
  amountSat: z.number().int(),
  reference: z.string(),
  createdAt: z.string(),
});

/** GET /api/v1/artist/earnings (an addition), for the caller's artist profile. */
export const earningsSchema = z.object({
  artistProfileId: z.string(),
  name: z.string(),
  balanceSat: z.number().int(),
  lifetimeSat: z.number().int(),
  paidOutSat: z.number().int(),
  feePercent: z.number(),
  days: z.array(earningsDaySchema),
  songs: z.array(earningsSongSchema),
  payouts: z.array(payoutSchema),
});
export type Earnings = z.infer<typeof earningsSchema>;
export const earningsQuerySchema = z.object({
  days: z.coerce
    .number({ message: 'days must be a whole number from 1 to 366' })
    .int('days must be a whole number from 1 to 366')
    .min(1, 'days must be a whole number from 1 to 366')
    .max(366, 'days must be a whole number from 1 to 366')
    .optional(),
});
/** GET /api/v1/artist/earnings/statement?month=YYYY-MM: a CSV of that month's movements. */
export const statementQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must look like 2026-03'),
});
export const statementSchema = z.object({ month: z.string(), filename: z.string(), csv: z.string() });
export const webhookAnswerSchema = z.object({ received: z.literal(true), credited: z.boolean() });

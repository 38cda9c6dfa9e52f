import type { Db } from '../db/connection.js';
import { HttpError } from '../lib/errors.js';
import { checkLedger, createPayout, createVoucher, formatLedgerReport, refundEntry } from '../money/index.js';
import { satToFloat } from '../tokenly/format.js';

/** The ledger's operator commands: vouchers, payouts, refunds and the audit. */
export type MoneyCommand =
  | { cmd: 'ledger-check' }
  | {
      cmd: 'vouchers-create';
      credits: string;
      uses?: number | null | undefined;
      expires?: string | undefined;
      code?: string | undefined;
    }
  | { cmd: 'payouts-create'; artist: string; amount?: string | undefined; reference?: string | undefined }
  | { cmd: 'credits-refund'; entry: string };

const MONEY = new Set(['ledger-check', 'vouchers-create', 'payouts-create', 'credits-refund']);
export const isMoneyCommand = (c: { cmd: string }): c is MoneyCommand => MONEY.has(c.cmd);

/** "12.5" credits → 1_250_000_000 sat, exactly (no floating point on money). */
export function parseCredits(text: string, what = 'amount'): number {
  const m = /^(\d{1,9})(?:\.(\d{1,8}))?$/.exec(text.trim());
  if (!m)
    throw new HttpError(422, `${what} must be a positive number of credits with at most 8 decimals, got "${text}"`);
  const sat = Number(m[1]) * 1e8 + Number((m[2] ?? '').padEnd(8, '0'));
  if (sat <= 0) throw new HttpError(422, `${what} must be more than 0`);
  return sat;
}

/** A date (valid through that day, UTC) or a full timestamp; never in the past. */
export function parseExpiry(text: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const d = new Date(day ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(d.getTime())) throw new HttpError(422, `--expires must be a date like 2026-12-31, got "${text}"`);
  if (day) d.setUTCDate(d.getUTCDate() + 1);
  if (d.getTime() <= Date.now()) throw new HttpError(422, `--expires ${text} is in the past`);
  return d;
}

export async function runMoneyAdmin(db: Db, c: MoneyCommand): Promise<string> {
  switch (c.cmd) {
    case 'ledger-check': {
      const report = await checkLedger(db);
      const text = formatLedgerReport(report);
      // A discrepancy is an error: the command exits non-zero with the report.
      if (report.problems.length > 0) throw new HttpError(409, text);
      return text;
    }
    case 'vouchers-create': {
      const sat = parseCredits(c.credits, '--credits');
      const uses = c.uses === undefined ? 1 : c.uses;
      const code = await createVoucher(db, {
        code: c.code,
        creditsSat: sat,
        uses,
        expiresAt: c.expires === undefined ? undefined : parseExpiry(c.expires),
      });
      const usesText = uses === null ? 'unlimited uses' : `${uses} use${uses === 1 ? '' : 's'}`;
      return `voucher ${code}: ${satToFloat(sat)} credits, ${usesText}${c.expires ? `, expires ${c.expires}` : ''}`;
    }
    case 'payouts-create': {
      const sat = c.amount === undefined ? undefined : parseCredits(c.amount);
      const p = await createPayout(db, c.artist, sat, c.reference ?? '');
      return `payout ${p.entryId}: ${satToFloat(p.amountSat)} credits to ${p.name}; earnings left ${satToFloat(p.balanceSat)}`;
    }
    case 'credits-refund': {
      if (!/^\d{1,15}$/.test(c.entry))
        throw new HttpError(422, `ENTRY must be a journal entry number, got "${c.entry}"`);
      const r = await refundEntry(db, Number(c.entry));
      return `refunded entry ${c.entry} as entry ${r.refundId}: ${satToFloat(r.amountSat)} credits back to the listener`;
    }
  }
}

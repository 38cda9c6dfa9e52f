export {
  MAX_BALANCE_SAT,
  InsufficientFunds,
  accountKey,
  balanceOf,
  earnings,
  issueCredits,
  lockAccount,
  postEntry,
  wallet,
  type Account,
  type EntryKind,
  type Leg,
} from './ledger-repo.js';
export { payForStream, splitPrice } from './streams-repo.js';
export { walletHistory } from './history-repo.js';
export { checkLedger, formatLedgerReport, type LedgerReport } from './audit-repo.js';
export { createVoucher, redeemVoucher } from './vouchers-repo.js';
export { createPayout, refundEntry } from './payouts-repo.js';
export { artistEarnings, monthlyStatement } from './earnings-repo.js';
export { moneyRoutes } from './money-routes.js';

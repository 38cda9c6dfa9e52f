/** The credits feature's public API: nothing else of this folder is imported from outside. */
export { creditsQueries } from './api/queries';
export { BalanceCard } from './components/balance-card';
export { BuyCredits } from './components/buy-credits';
export { LedgerTable } from './components/ledger-table';
export { RedeemForm } from './components/redeem-form';

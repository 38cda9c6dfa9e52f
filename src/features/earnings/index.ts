/** The earnings feature's public API: nothing else of this folder is imported from outside. */
export { EarningsView } from './components/earnings-view';

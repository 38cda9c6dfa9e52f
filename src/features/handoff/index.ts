/**
 * Continue on another device: the app starts it with the player's seams (`startHandoff`), shows
 * the offer (`HandoffOffer`) and gives the player bar the panel (`HandoffPanel`).
 */
export { startHandoff, lookForOffer, SAVE_EVERY_MS, type HandoffHost, type HandoffSnapshot } from './sync';
export { HandoffOffer } from './components/handoff-offer';
export { HandoffPanel } from './components/handoff-panel';

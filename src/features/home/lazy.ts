/** The home feature's code loaded on demand (dynamic import), kept out of the eager bundle. */
export * from './api/plays';

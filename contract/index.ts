export * from './common.js';
export * from './catalog.js';
export * from './account.js';
export * from './signing.js';
export * from './listener.js';
export * from './encoding.js';
export * from './listener-app.js';

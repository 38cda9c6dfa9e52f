import { fileURLToPath } from 'node:url';

/**
 * The import aliases, for Vite and Vitest (TypeScript, tsx, ESLint and Playwright read the same
 * ones from `tsconfig.base.json`): `@/` is `src/`, `@contract/` is `contract/`.
 */
export const aliases = [
  { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
  { find: /^@contract\//, replacement: fileURLToPath(new URL('./contract/', import.meta.url)) },
];

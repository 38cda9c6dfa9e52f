// The house's import rules (../shared/ARCHITECTURE.md), as lint zones: `target` may not import
// `from`. Paths are resolved, so a `../../` climb is caught as surely as an alias.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const features = fs
  .readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const zones = [
  { target: './contract', from: ['./src', './server'], message: 'contract/ imports neither src/ nor server/.' },
  { target: './src', from: './server', message: 'The app never imports the server: share through contract/.' },
  { target: './server', from: './src', message: 'The server never imports the app: share through contract/.' },
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app'],
    message: 'src/lib and src/components import no feature and not src/app.',
  },
  { target: './src/features', from: './src/app', message: 'A feature never imports src/app.' },
  ...features.map((f) => ({
    target: `./src/features/${f}`,
    from: './src/features',
    except: [`./${f}`],
    message: `No feature imports another: what two features share moves to components/ui, lib/ or contract/, or meets in src/app.`,
  })),
  ...features.map((f) => ({
    target: ['./src/app', './src/main.tsx', './e2e', './bench'],
    from: `./src/features/${f}`,
    except: ['./index.ts', './lazy.ts'],
    message: `A feature is imported only through its entries: index.ts (what it offers) or lazy.ts (what loads on demand).`,
  })),
];

// SQL runs only in repositories and db/: a `.query(` or `.exec(` call anywhere else on the server.
const SQL_MESSAGE = 'SQL runs only in repository files (*-repo.ts) and server/db/: move this query into a repository.';
const sqlCalls = [
  { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='query']", message: SQL_MESSAGE },
  // `.exec(` with SQL text (a regular expression's exec takes a variable, not a literal)
  {
    selector:
      "CallExpression[callee.type='MemberExpression'][callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message: SQL_MESSAGE,
  },
];

export const boundaries = (importX, resolverTs) => [
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts', 'contract/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [resolverTs.createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/**/*-repo.ts', 'server/db/**', 'server/**/*.test.ts', 'server/test/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlCalls] },
  },
];

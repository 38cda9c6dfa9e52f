import js from '@eslint/js';
import * as resolverTs from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint.boundaries.js';

export default tseslint.config(
  { ignores: ['dist', 'data', 'node_modules', 'test-results', 'playwright-report', 'bench/.out', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // package.json declares the app's only side effects (CSS and main.tsx) so that feature entries
    // tree-shake; a module imported for its side effects alone would be dropped from the build.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main.tsx', 'src/test-setup.ts'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-unassigned-import': ['error', { allow: ['**/*.css'] }] },
  },
  ...boundaries(importX, resolverTs),
  {
    // Command-line tools and benchmarks print their results.
    files: ['server/admin/**', 'server/audio/cli/**', 'bench/**', 'server/start.ts', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);

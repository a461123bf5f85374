import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Core stays pure: no editor, no I/O, no process or network libraries.
const coreRestrictions = {
  paths: [
    'vscode', 'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process',
    'node:child_process', 'os', 'node:os', 'net', 'node:net', 'http', 'node:http',
    'https', 'node:https', 'execa', 'crypto', 'node:crypto',
  ].map((name) => ({ name, message: 'src/core is pure: use a port from src/core/ports.ts.' })),
  patterns: [{ group: ['@octokit/*', '../node/*', '../../node/*', '../vscode/*', '../../vscode/*'], message: 'src/core is pure.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'out-bench/**', 'tmp-prof/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', '.runbook-gate/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictions], '@typescript-eslint/no-explicit-any': 'error' } },
  { files: ['src/**/*.ts'], ignores: ['src/vscode/**', 'src/extension.ts'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode imports vscode.' }] }] } },
);

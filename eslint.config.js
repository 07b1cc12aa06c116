// Lint rules that keep Cairn's layers apart (STYLE.md "The house"): src-shared is pure, core
// runs without Electron, renderer and main meet only through src-shared.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];

function restrict(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/.output/**', 'bench/.data/**', 'bench/.models/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: restrict([
      { group: ['electron', 'react', 'react-dom', ...nodeBuiltins], message: 'src-shared is pure TypeScript: no Electron, Node or DOM libraries.' },
      { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing from main or renderer.' },
    ]),
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: restrict([
      { group: ['electron'], message: 'core runs in plain Node: no Electron.' },
      { group: ['**/src-renderer/**', '**/transport/**', '**/shell/**', '../main', '../preload'], message: 'core does not know its doors or the shell.' },
    ]),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/**'],
    rules: restrict([{ group: ['**/src-renderer/**'], message: 'main and renderer meet only through src-shared.' }]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      { group: ['electron', ...nodeBuiltins], message: 'The renderer is sandboxed: no Electron or Node modules.' },
      { group: ['**/src-main/**'], message: 'main and renderer meet only through src-shared.' },
    ]),
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);

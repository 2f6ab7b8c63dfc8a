// Lint encodes the import rules of docs/architecture.md (from ../shared/design.md):
// core and shared never import electron, react or renderer code; no cycles; no deep imports into a
// core module from outside it; kebab-case files; a file over 500 lines fails (300 warns).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const CORE_MODULES = ['config', 'prober', 'health', 'scheduler', 'checker', 'grpc', 'sites', 'audit', 'log', 'util'];

/** Zones: `target` may not import from `from` (paths from the project root). */
const zones = [
  // shared: zod only.
  { target: './src/shared', from: ['./src/core', './src/main', './src/preload', './src/renderer', './src/daemon', './src/web'] },
  // core never reaches out of core/shared.
  { target: './src/core', from: ['./src/main', './src/preload', './src/renderer', './src/daemon', './src/web'] },
  // Layering inside core (design.md table).
  { target: './src/core/util', from: CORE_MODULES.filter((m) => m !== 'util').map((m) => `./src/core/${m}`) },
  { target: './src/core/log', from: CORE_MODULES.filter((m) => !['log', 'util'].includes(m)).map((m) => `./src/core/${m}`) },
  { target: './src/core/config', from: ['prober', 'health', 'scheduler', 'checker', 'grpc', 'sites'].map((m) => `./src/core/${m}`) },
  { target: './src/core/prober', from: ['config', 'health', 'scheduler', 'checker', 'grpc', 'sites'].map((m) => `./src/core/${m}`) },
  { target: './src/core/health', from: ['config', 'prober', 'scheduler', 'checker', 'grpc', 'sites'].map((m) => `./src/core/${m}`) },
  { target: './src/core/scheduler', from: ['config', 'prober', 'health', 'checker', 'grpc', 'sites'].map((m) => `./src/core/${m}`) },
  { target: './src/core/checker', from: ['grpc', 'sites'].map((m) => `./src/core/${m}`) },
  { target: './src/core/grpc', from: ['sites'].map((m) => `./src/core/${m}`) },
  // audit: log and util only (the hosts hand it to the site service).
  { target: './src/core/audit', from: ['config', 'prober', 'health', 'scheduler', 'checker', 'grpc', 'sites'].map((m) => `./src/core/${m}`) },
  // Preload: the contract and electron only.
  { target: './src/preload', from: ['./src/core', './src/main', './src/renderer', './src/daemon', './src/web'] },
  // Renderer: shared and itself only.
  { target: './src/renderer', from: ['./src/core', './src/main', './src/preload', './src/daemon', './src/web'] },
  // Main, daemon and web never import the renderer or each other.
  { target: './src/main', from: ['./src/renderer', './src/preload', './src/daemon', './src/web'] },
  { target: './src/daemon', from: ['./src/main', './src/preload', './src/renderer', './src/web'] },
  { target: './src/web', from: ['./src/main', './src/preload', './src/daemon'] },
];

/** Outside a core module, only its index may be imported (no deep imports). */
const deepImportZones = CORE_MODULES.map((m) => ({
  target: ['./src/main', './src/daemon', './src/web', './src/preload', ...CORE_MODULES.filter((o) => o !== m).map((o) => `./src/core/${o}`)],
  from: `./src/core/${m}`,
  except: ['./index.ts'],
  message: `import core/${m} through its index only`,
}));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', 'test-results/**', 'src/core/grpc/generated/**', 'test/fixtures/**', 'bench-out/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX, 'check-file': checkFile },
    languageOptions: { globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...zones, ...deepImportZones] }],
      'import-x/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,mts}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron belongs in src/main and src/preload only' }] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts', 'test/setup/electron-mock.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core and shared never import electron' },
            { name: 'react', message: 'core and shared never import react' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'core and shared never import renderer code' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'the renderer talks to main through window.maglev only' }],
          patterns: [{ group: ['node:*'], message: 'the renderer has no Node built-ins' }],
        },
      ],
    },
  },
);

// Lint, including the layer rules of docs/architecture.md: renderer → shared, preload → shared,
// main → shared; only a few thin files may import electron, and only two may touch raw IPC.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import path from 'node:path';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** The only files that may import electron at all. */
export const ELECTRON_FILES = [
  'src/main/index.ts',
  'src/main/electron/app-protocol.ts',
  'src/main/electron/ipc-binding.ts',
  'src/main/electron/menu.ts',
  'src/main/electron/tray.ts',
  'src/main/electron/window-state.ts',
  'src/main/electron/deep-links.ts',
  'src/main/electron/single-instance.ts',
  'src/main/electron/notifications.ts',
  'src/main/electron/print-to-pdf.ts',
  'src/main/electron/open-file-dialog.ts',
  'src/preload/index.ts',
];
/** The only files that may use ipcMain / ipcRenderer. */
export const RAW_IPC_FILES = ['src/main/electron/ipc-binding.ts', 'src/preload/index.ts'];

const electronOnlyHere = {
  name: 'electron',
  message:
    'Only the thin Electron files (see eslint.config.js ELECTRON_FILES) may import electron; pass what you need in as a port.',
};
const mainNeverImportsRenderer = { group: ['**/renderer/**'], message: 'main never imports the renderer.' };
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC is only allowed in the contract wrapper (ipc-binding.ts, preload/index.ts).',
};

/**
 * An area of main (src/main/areas/<name>/) never imports another area: what two areas share goes through the
 * kernel, the contract's types or the event bus, so areas can be added and removed one at a time.
 */
/** The area a file belongs to: the first folder under src/main/areas (files directly there, like define-area.ts, belong to none). */
const areaOf = (file) => {
  const parts = file.split(/[\\/]/);
  const at = parts.findIndex((part, i) => part === 'areas' && parts[i - 1] === 'main' && parts[i - 2] === 'src');
  return at >= 0 && parts.length > at + 2 ? parts[at + 1] : null;
};
const areaBoundaries = {
  rules: {
    'no-cross-area-import': {
      meta: {
        type: 'problem',
        messages: {
          crossArea:
            'The {{from}} area imports the {{to}} area: areas never import each other; share through the kernel, the contract or events.',
        },
        schema: [],
      },
      create(context) {
        const from = areaOf(context.filename);
        if (!from) return {};
        const check = (node) => {
          const specifier = node.source?.value;
          if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
          const target = path.resolve(path.dirname(context.filename), specifier);
          const to = areaOf(target);
          if (to && to !== from) context.report({ node, messageId: 'crossArea', data: { from, to } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

const rendererImports = {
  paths: [
    electronOnlyHere,
    ...nodeBuiltins.map((name) => ({
      name,
      message: 'The renderer has no Node: ask main through window.hubble.',
    })),
  ],
  patterns: [
    {
      group: ['**/main/**', '**/preload/**'],
      message: 'The renderer may import only src/shared, never main or preload.',
    },
    { group: ['undici', 'better-sqlite3', 'keytar'], message: 'Network, storage and secrets live in main.' },
  ],
};
/** Components reach main only through their feature's store (one place per feature that talks to main). */
const componentImports = {
  ...rendererImports,
  patterns: [
    ...rendererImports.patterns,
    {
      group: ['**/hubble.ts', '**/hubble'],
      message: "A component calls main only through its feature's store (features/<area>/<area>-store.ts).",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnlyHere] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererImports],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The renderer has no network: ask main through window.hubble.' },
        { name: 'XMLHttpRequest', message: 'The renderer has no network.' },
        { name: 'WebSocket', message: 'The renderer has no network.' },
      ],
    },
  },
  {
    files: ['src/renderer/src/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', componentImports] },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyHere],
          patterns: [mainNeverImportsRenderer],
        },
      ],
    },
  },
  {
    files: ['src/main/areas/**/*.ts'],
    plugins: { areas: areaBoundaries },
    rules: { 'areas/no-cross-area-import': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyHere,
            ...nodeBuiltins.map((name) => ({ name, message: 'src/shared runs in every process: no Node imports.' })),
          ],
          patterns: [
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnlyHere,
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'A sandboxed preload has no Node: it only forwards the contract.',
            })),
          ],
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only src/shared.' }],
        },
      ],
    },
  },
  // Last, so they override the per-layer blocks above for these few files; each keeps its layer's patterns.
  {
    files: ELECTRON_FILES.filter((file) => file.startsWith('src/main/') && !RAW_IPC_FILES.includes(file)),
    rules: { 'no-restricted-imports': ['error', { paths: [rawIpc], patterns: [mainNeverImportsRenderer] }] },
  },
  {
    files: ['src/main/electron/ipc-binding.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [mainNeverImportsRenderer] }] },
  },
  {
    files: ['src/preload/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'A sandboxed preload has no Node: it only forwards the contract.',
          })),
          patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload imports only src/shared.' }],
        },
      ],
    },
  },
);

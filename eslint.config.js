import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The renderer's layers, lowest first (docs/ARCHITECTURE.md#the-layer-table): a folder may import
 * the folders of earlier rows, core/ and api.ts — never a later row, nor a peer in its own row.
 */
const rendererLayers = [
  ['i18n'],
  ['store'],
  ['ui'],
  ['board'],
  ['session'],
  ['present'],
  ['audience'],
  ['room'],
  ['tools'],
  ['library', 'export'],
  ['app'],
];
const rendererElements = rendererLayers
  .flat()
  .map((folder) => ({ type: `renderer-${folder}`, partialMatch: false, pattern: `renderer/src/${folder}` }));
const rendererPolicies = rendererLayers.flatMap((row, level) =>
  row.map((folder) => ({
    from: { element: { type: `renderer-${folder}` } },
    allow: {
      to: [
        {
          element: {
            type: [
              'core',
              `renderer-${folder}`,
              ...rendererLayers
                .slice(0, level)
                .flat()
                .map((below) => `renderer-${below}`),
            ],
          },
        },
        { file: { categories: 'renderer-bridge' } },
      ],
    },
  })),
);
const rendererTypes = ['renderer-root', ...rendererLayers.flat().map((folder) => `renderer-${folder}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Security checklist #15 (docs/security.md): the app never hands a URL or a path to the
    // system's default handler — shell.openExternal / shell.openPath, however reached.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(openExternal|openPath)$/]',
          message: 'shell.openExternal/openPath are forbidden (docs/security.md #15): no URL or file goes to the system’s default handler.',
        },
        {
          selector: 'MemberExpression[property.value=/^(openExternal|openPath)$/]',
          message: 'shell.openExternal/openPath are forbidden (docs/security.md #15): no URL or file goes to the system’s default handler.',
        },
        {
          selector: 'ObjectPattern > Property[key.name=/^(openExternal|openPath)$/]',
          message: 'shell.openExternal/openPath are forbidden (docs/security.md #15): no URL or file goes to the system’s default handler.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // UI text comes from the translations (renderer/src/i18n), never from literals in components.
    files: ['renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            exclude: [
              'className',
              'optionClassName',
              'name',
              'style',
              'type',
              'key',
              'id',
              'role',
              'value',
              'aria-live',
              'aria-keyshortcuts',
              'shortcut',
              'data-.*',
            ],
          },
        },
      ],
    },
  },
  {
    // The layer table (docs/ARCHITECTURE.md#the-layer-table): an import between two of the app's
    // folders must be allowed here, so a new arrow — and with it a folder-level cycle — fails the
    // lint. The renderer's folders are elements of their own, one policy each (rendererLayers).
    files: ['core/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
      'boundaries/elements': [
        { type: 'core', partialMatch: false, pattern: 'core' },
        // Main's plain-Node half (services, export, cli, ipc): no Electron, so the command line
        // and the unit tests run it as it is.
        { type: 'services', partialMatch: false, pattern: 'electron/services' },
        { type: 'export', partialMatch: false, pattern: 'electron/export' },
        { type: 'cli', partialMatch: false, pattern: 'electron/cli' },
        { type: 'ipc', partialMatch: false, pattern: 'electron/ipc' },
        { type: 'preload', partialMatch: false, pattern: 'electron/preload' },
        // The rest of electron/: start-up, windows, menus, dialogs, protocol, security.
        { type: 'shell', partialMatch: false, pattern: 'electron' },
        ...rendererElements,
        // The phone app (issue #17): a web app of its own, served to the phones by the room server.
        { type: 'phone', partialMatch: false, pattern: 'renderer/phone' },
        // The files beside the layers: the bridge to main (api.ts) and the entry that mounts the shell.
        { type: 'renderer-root', partialMatch: false, pattern: 'renderer/src' },
      ],
      // The few files of the plain-Node folders that are Electron's side of them.
      'boundaries/files': [
        {
          category: 'electron-side',
          pattern: ['electron/export/printer.ts', 'electron/ipc/register.ts', 'electron/ipc/events.ts', 'electron/ipc/trusted-sender.ts'],
        },
        { category: 'renderer-bridge', pattern: ['renderer/src/api.ts'] },
        // What the phone app may bundle from core/: browser-safe, no validation library (JS ≤ 80 KB gzipped).
        { category: 'phone-core', pattern: ['core/room-protocol.ts', 'core/room-join.ts', 'core/model.ts', 'core/network.ts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            { from: { element: { type: 'core' } }, allow: { to: { element: { type: 'core' } } } },
            { from: { element: { type: 'services' } }, allow: { to: { element: { type: ['core', 'services'] } } } },
            { from: { element: { type: 'export' } }, allow: { to: { element: { type: ['core', 'services', 'export'] } } } },
            { from: { element: { type: 'cli' } }, allow: { to: { element: { type: ['core', 'services', 'export', 'cli'] } } } },
            { from: { element: { type: 'ipc' } }, allow: { to: { element: { type: ['core', 'services', 'export', 'ipc'] } } } },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { type: ['core', 'preload'] } } } },
            { from: { element: { type: 'shell' } }, allow: { to: { element: { type: ['core', 'services', 'export', 'ipc', 'preload', 'shell'] } } } },
            { from: { element: { type: 'renderer-root' } }, allow: { to: { element: { type: ['core', ...rendererTypes] } } } },
            { from: { file: { categories: 'renderer-bridge' } }, disallow: { to: { element: { type: rendererTypes } } } },
            ...rendererPolicies,
            // Packages and Node's modules (core/'s own rule below keeps core/ free of platforms)…
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            // The phone app: itself, the browser-safe part of core/ and, as types only, the rest of core/;
            // of the packages only Preact.
            {
              from: { element: { type: 'phone' } },
              disallow: { to: { module: { origin: ['external', 'core'] } } },
            },
            {
              from: { element: { type: 'phone' } },
              allow: [
                { to: [{ element: { type: 'phone' } }, { file: { categories: 'phone-core' } }, { module: { source: ['preact', 'preact/*'] } }] },
                { to: { element: { type: 'core' } }, dependency: { kind: 'type' } },
              ],
            },
            // …but Electron only in the shell and the preload…
            {
              from: { element: { type: ['core', 'services', 'export', 'cli', 'ipc', ...rendererTypes] } },
              disallow: { to: { module: { source: 'electron' } } },
            },
            // …and in the Electron side of export/ and ipc/, which may also use the shell.
            { from: { file: { categories: 'electron-side' } }, allow: { to: [{ module: { source: 'electron' } }, { element: { type: 'shell' } }] } },
          ],
        },
      ],
    },
  },
  {
    // A promise nobody awaits loses its failure: in main a save or an export error would vanish,
    // in the renderer an API call's refusal would never reach the facilitator. Typed rules, so
    // each side is linted with its own tsconfig (main's has no DOM).
    files: ['electron/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.main.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.web.json', tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
  {
    // The phone app has its own tsconfig: it runs in phones' browsers (DOM, no Node).
    files: ['renderer/phone/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { project: './tsconfig.phone.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    // core/ is the pure domain: nothing from the app's other layers, no platform modules.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../electron/*', '../renderer/*', 'node:*', 'electron', 'react'] }],
    },
  },
  {
    // The renderer talks to the machine only through the contract in core/.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/electron/**', 'electron', 'node:*'] }] },
  },
);

import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
            exclude: ['className', 'style', 'type', 'key', 'id', 'role', 'value', 'aria-live', 'aria-keyshortcuts', 'data-.*'],
          },
        },
      ],
    },
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

/** ESLint with the project's configuration, for probe files that are in no tsconfig (so without the typed rules). */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function probeLinter(): ESLint {
  return new ESLint({
    cwd: projectRoot,
    overrideConfig: {
      languageOptions: { parserOptions: { project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
}

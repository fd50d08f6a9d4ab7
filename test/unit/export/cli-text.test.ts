/** The command line words a damaged or foreign file exactly as the app does, in both languages. */
import { describe, expect, it } from 'vitest';
import { openProblemCodes } from '../../../core/file-problems';
import { cliTexts } from '../../../electron/cli/text';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

describe('command line texts', () => {
  it.each([
    ['en', en],
    ['de', de],
  ] as const)('%s: every open problem and the backup hint match the app’s words', (language, app) => {
    for (const code of openProblemCodes) expect(cliTexts[language].files[code], code).toBe(app.files[code]);
    expect(cliTexts[language].files.backupAvailable).toBe(app.files.backupAvailable);
  });
});

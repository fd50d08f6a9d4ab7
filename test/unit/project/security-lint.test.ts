/**
 * Security checklist #15 (docs/security.md): the project's ESLint configuration refuses
 * shell.openExternal and shell.openPath however they are reached.
 */
import { describe, expect, it } from 'vitest';
import { probeLinter, projectRoot } from './lint';

async function restrictedSyntaxIn(code: string): Promise<number> {
  const eslint = probeLinter();
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}/electron/lint-probe.ts` });
  return result?.messages.filter((message) => message.ruleId === 'no-restricted-syntax').length ?? 0;
}

describe('the lint rule against shell.openExternal / shell.openPath', () => {
  it.each([
    ['shell.openExternal', "import { shell } from 'electron';\nvoid shell.openExternal('https://evil.example/');\n"],
    ['shell.openPath', "import { shell } from 'electron';\nvoid shell.openPath('/tmp/x');\n"],
    ['electron.shell.openExternal', "import electron from 'electron';\nvoid electron.shell.openExternal('https://evil.example/');\n"],
    ['a computed access', "import { shell } from 'electron';\nvoid shell['openPath']('/tmp/x');\n"],
    ['destructuring', "import { shell } from 'electron';\nconst { openExternal } = shell;\nvoid openExternal('https://evil.example/');\n"],
  ])(
    'refuses %s',
    async (_case, code) => {
      expect(await restrictedSyntaxIn(code)).toBeGreaterThan(0);
    },
    30_000,
  );

  it('allows what the app uses: the trash and the file manager', async () => {
    expect(await restrictedSyntaxIn("import { shell } from 'electron';\nvoid shell.trashItem('/tmp/x');\nshell.showItemInFolder('/tmp/x');\n")).toBe(
      0,
    );
  }, 30_000);
});

/**
 * The command line, without a display and without Electron: a valid file is exported in every
 * format; a damaged, foreign or newer file gets the app's own words and exit code 1, and no output
 * file appears; wrong arguments exit with 2. Most cases call runCli in-process; the first ones run
 * `npm run cli` as a real process, as a facilitator's script would.
 */
import { execFile } from 'node:child_process';
import { copyFile, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { summaryFormats } from '../../../core/export/formats';
import { cardColumns, presetSections, summaryTexts } from '../../../core/summary-text';
import { cliTexts } from '../../../electron/cli/text';
import { exitCodes, runCli } from '../../../electron/cli/run';
import { checkOfficeXml, readCsv, readMarkdown } from './readers';
import { faultyFs, removeTempFolders, tempFilesIn, tempFolder } from '../services/support';

afterEach(removeTempFolders);

const full = 'test/fixtures/sessions/v3-full.nahtstelle';
const future = 'test/fixtures/sessions/v4-from-the-future.nahtstelle';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(
  args: readonly string[],
  env: Record<string, string> = { LANG: 'C' },
  extra: Partial<Parameters<typeof runCli>[1]> = {},
): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  // No Chromium unless a test asks for it: the text formats never need one, and the board picture is printed by the tests that are about it.
  const code = await runCli(args, {
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
    env,
    timeZone: 'UTC',
    chromium: null,
    ...extra,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

const run = promisify(execFile);

/** `npm run cli -- …` as a separate process; resolves with its exit code and output. */
async function npmCli(args: readonly string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'cli', '--', ...args], {
      env: { ...process.env, DISPLAY: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('npm run cli, as a process without a display', () => {
  it('exports a valid session and exits 0', async () => {
    const out = join(await tempFolder(), 'summary.md');
    const result = await npmCli(['export', full, '--format', 'md', '--out', out], { LANG: 'C' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { blocks } = readMarkdown(await readFile(out, 'utf8'));
    expect(blocks[0]).toEqual({ kind: 'h1', text: 'Lead-Übergabe Q3: Wo hakt’s zwischen Marketing & Vertrieb?' });
  }, 60_000);

  it('refuses a newer file with the app’s words and exits 1, in German when asked', async () => {
    const out = join(await tempFolder(), 'summary.md');
    const result = await npmCli(['export', future, '--format', 'md', '--out', out, '--lang', 'de'], { LANG: 'C' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '„v4-from-the-future.nahtstelle“ wurde mit einer neueren Nahtstelle-Version gespeichert. Bitte die App aktualisieren, um sie zu öffnen.',
    );
    expect(await exists(out)).toBe(false);
  }, 60_000);

  it('refuses a damaged file and exits 1, in the language of LANG', async () => {
    const folder = await tempFolder();
    const damaged = join(folder, 'kaputt.nahtstelle');
    await writeFile(damaged, '{"format": "nahtstelle-session", "version": 3, "session": {');
    const result = await npmCli(['export', damaged, '--format', 'csv', '--out', join(folder, 'out.csv')], { LANG: 'de_DE.UTF-8' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('„kaputt.nahtstelle“ ist beschädigt: Der Inhalt ist kein gültiges JSON.');
    expect(await readdir(folder)).toEqual(['kaputt.nahtstelle']);
  }, 60_000);
});

describe('runCli', () => {
  it.each(summaryFormats)('writes %s that its reader opens', async (format) => {
    const out = join(await tempFolder(), `summary.${format}`);
    const result = await cli(['export', full, '-f', format, '-o', out]);
    // Without Chromium the documents that hold the board picture are written without it, and say so.
    const withPicture = format === 'html' || format === 'docx' || format === 'pptx';
    expect(result).toMatchObject({ code: exitCodes.ok, stderr: withPicture ? cliTexts.en.noBoardPicture : '' });
    expect(result.stdout).toContain(out);
    const bytes = new Uint8Array(await readFile(out));
    if (format === 'docx' || format === 'pptx') expect((await checkOfficeXml(bytes)).length).toBeGreaterThan(5);
    else if (format === 'csv') expect(readCsv(bytes, ';')).toHaveLength(11);
    else if (format === 'json') expect(JSON.parse(new TextDecoder().decode(bytes))).toMatchObject({ language: 'de' });
    else expect(new TextDecoder().decode(bytes)).toContain('Wir gewinnen gemeinsam Kund:innen, die bleiben');
  });

  it('exports an older file (format 1) after migrating it, as the app opens it', async () => {
    const out = join(await tempFolder(), 'v1.md');
    expect((await cli(['export', 'test/fixtures/sessions/v1-full.nahtstelle', '-f', 'md', '-o', out])).code).toBe(exitCodes.ok);
    // The client preset: every section but the moves log; Markdown has no board picture.
    expect(readMarkdown(await readFile(out, 'utf8')).blocks.filter((block) => block.kind === 'h2')).toHaveLength(presetSections.client.length - 1);
  });

  it('writes semicolons with --semicolon, and only the chosen --sections', async () => {
    const folder = await tempFolder();
    expect((await cli(['export', full, '-f', 'csv', '-o', join(folder, 'de.csv'), '--semicolon'])).code).toBe(0);
    expect(readCsv(new Uint8Array(await readFile(join(folder, 'de.csv'))), ';')[0]?.[0]).toBe(summaryTexts.de.columns.lane);
    expect((await cli(['export', full, '-f', 'csv', '-o', join(folder, 'comma.csv'), '--comma'])).code).toBe(0);
    expect(readCsv(new Uint8Array(await readFile(join(folder, 'comma.csv'))), ',')[0]).toHaveLength(cardColumns.length);
    expect((await cli(['export', full, '-f', 'md', '-o', join(folder, 'short.md'), '--sections', 'glance,facts'])).code).toBe(0);
    const headings = readMarkdown(await readFile(join(folder, 'short.md'), 'utf8')).blocks.filter((block) => block.kind === 'h2');
    expect(headings.map((block) => block.text)).toEqual([summaryTexts.de.sections.facts, summaryTexts.de.sections.glance]);
  });

  it('uses --lang for a session without a language of its own', async () => {
    const folder = await tempFolder();
    const source = JSON.parse(await readFile(full, 'utf8')) as { session: { details: { language: string } } };
    source.session.details.language = '';
    const input = join(folder, 'ohne-sprache.nahtstelle');
    await writeFile(input, JSON.stringify(source));
    await cli(['export', input, '-f', 'md', '-o', join(folder, 'en.md'), '--lang', 'en']);
    await cli(['export', input, '-f', 'md', '-o', join(folder, 'de.md')], { LANG: 'de_AT.UTF-8' });
    expect(await readFile(join(folder, 'en.md'), 'utf8')).toContain(`## ${summaryTexts.en.sections.glance}`);
    expect(await readFile(join(folder, 'de.md'), 'utf8')).toContain(`## ${summaryTexts.de.sections.glance}`);
  });

  it.each([
    ['not JSON', 'not json at all', 'is damaged: its content is not valid JSON.'],
    ['a foreign JSON file', '{"name": "package"}', 'is not a Nahtstelle session file.'],
    [
      'a session that breaks the schema',
      '{"format": "nahtstelle-session", "version": 3, "session": {"id": 1}}',
      'is damaged: its content does not match a session.',
    ],
    ['binary data', '\u0000\u0001\u0002', 'is not a text file, so it is not a Nahtstelle session.'],
  ])('%s: the app’s message, exit 1, no output', async (_case, content, message) => {
    const folder = await tempFolder();
    const input = join(folder, 'in.nahtstelle');
    await writeFile(input, content);
    const result = await cli(['export', input, '-f', 'html', '-o', join(folder, 'out.html')]);
    expect(result.code).toBe(exitCodes.failed);
    expect(result.stderr.split('\n')[0]).toBe(`“in.nahtstelle” ${message}`);
    expect(await readdir(folder)).toEqual(['in.nahtstelle']);
  });

  it('says so when a damaged file has a good backup', async () => {
    const folder = await tempFolder();
    const input = join(folder, 'in.nahtstelle');
    await writeFile(input, '{ damaged');
    await copyFile(full, `${input}.bak`);
    const result = await cli(['export', input, '-f', 'md', '-o', join(folder, 'out.md')]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      '“in.nahtstelle” is damaged: its content is not valid JSON. A backup from before the last change exists.',
    );
  });

  it('a missing input file: exit 1', async () => {
    const folder = await tempFolder();
    const result = await cli(['export', join(folder, 'nirgends.nahtstelle'), '-f', 'md', '-o', join(folder, 'out.md')]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('“nirgends.nahtstelle” was not found.') });
  });

  it('an output that cannot be written: exit 1, and an earlier file under the name stays whole', async () => {
    const folder = await tempFolder();
    const out = join(folder, 'summary.md');
    await writeFile(out, 'the earlier export');
    const result = await cli(['export', full, '-f', 'md', '-o', out], { LANG: 'C' }, { writeFs: faultyFs({ write: 'ENOSPC' }) });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('“summary.md” was not written: the disk is full.') });
    expect(await readFile(out, 'utf8')).toBe('the earlier export');
    expect(await tempFilesIn(folder)).toEqual([]);

    const gone = await cli(['export', full, '-f', 'md', '-o', join(folder, 'no-such-folder', 'x.md')]);
    expect(gone).toMatchObject({ code: 1, stderr: expect.stringContaining('“x.md” was not written: its folder does not exist.') });
  });

  it('refuses an --out that is the input by its real path (a link, another spelling), or any existing session file or backup', async () => {
    const folder = await tempFolder();
    const input = join(folder, 'kick-off.nahtstelle');
    await copyFile(full, input);
    const before = await readFile(input, 'utf8');
    await symlink(input, join(folder, 'summary.md'));
    const viaLink = await cli(['export', input, '-f', 'md', '-o', join(folder, 'summary.md')]);
    expect(viaLink).toMatchObject({ code: exitCodes.usage, stderr: expect.stringContaining('The output file is the session file itself') });
    const dotted = await cli(['export', input, '-f', 'md', '-o', join(folder, '.', 'sub', '..', 'kick-off.nahtstelle')]);
    expect(dotted.code).toBe(exitCodes.usage);
    await copyFile(full, join(folder, 'other.nahtstelle'));
    await copyFile(full, join(folder, 'other.nahtstelle.bak'));
    for (const name of ['other.nahtstelle', 'other.nahtstelle.bak']) {
      const result = await cli(['export', input, '-f', 'md', '-o', join(folder, name)]);
      expect(result).toMatchObject({ code: exitCodes.usage, stderr: expect.stringContaining(`“${name}” is a session file or its backup`) });
      expect(await readFile(join(folder, name), 'utf8')).toBe(await readFile(full, 'utf8'));
    }
    expect(await readFile(input, 'utf8')).toBe(before);
  });

  it('keeps the real write error when closing the file fails as well', async () => {
    const folder = await tempFolder();
    const writeFs = faultyFs({ write: 'ENOSPC' });
    const open = writeFs.open;
    writeFs.open = (async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const close = handle.close.bind(handle);
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'close')
            return async () => {
              await close();
              throw Object.assign(new Error('EIO: i/o error, close'), { code: 'EIO' });
            };
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }) as typeof open;
    const result = await cli(['export', full, '-f', 'md', '-o', join(folder, 'summary.md')], { LANG: 'C' }, { writeFs });
    expect(result).toMatchObject({ code: exitCodes.failed, stderr: expect.stringContaining('“summary.md” was not written: the disk is full.') });
  });

  it('an internal error exits 3 (not 1, which means bad input), with the fault named', async () => {
    const folder = await tempFolder();
    const err: string[] = [];
    // A fault of the program itself: here its own output failing.
    const stdout = () => {
      throw new TypeError('Cannot read properties of undefined');
    };
    const code = await runCli(['export', full, '-f', 'md', '-o', join(folder, 'x.md')], {
      stdout,
      stderr: (line) => err.push(line),
      env: { LANG: 'C' },
    });
    expect(code).toBe(3);
    expect(err[0]).toContain('Internal error (a fault in the program, not in your input): TypeError: Cannot read properties of undefined');
  });

  it.each([
    [[], 'No command given.'],
    [['import', full], 'Unknown command “import”.'],
    [['export', '-f', 'md', '-o', 'x.md'], 'No session file given.'],
    [['export', full, '-o', 'x.md'], 'No format given'],
    [['export', full, '-f', 'pdf', '-o', 'x.pdf'], 'No Chromium found: --format pdf is printed by Chromium.'],
    [['export', full, '-f', 'png', '-o', 'x.png'], 'No Chromium found: --format png is printed by Chromium.'],
    [['export', full, '-f', 'csv', '-o', 'x.csv', '--table', 'moves'], 'Unknown table “moves”'],
    [['export', full, '-f', 'md', '-o', 'x.md', '--table', 'actions'], '--table, --semicolon and --comma apply to --format csv only.'],
    [['export', full, '-f', 'csv', '-o', 'x.csv', '--semicolon', '--comma'], 'Give either --semicolon or --comma.'],
    [['export', full, '-f', 'md', '-o', 'x.md', '--preset', 'boss'], 'Unknown preset “boss”'],
    [['export', full, '-f', 'odt', '-o', 'x.odt'], 'Unknown format “odt”'],
    [['export', full, '-f', 'md'], 'No output file given'],
    [['export', full, '-f', 'md', '-o', 'x.md', '--semicolon'], '--table, --semicolon and --comma apply to --format csv only.'],
    [['export', full, '-f', 'md', '-o', 'x.md', '--lang', 'fr'], 'Unknown language “fr”'],
    [['export', full, '-f', 'md', '-o', 'x.md', '--sections', 'glance,gossip'], 'Unknown section “gossip”'],
    [['export', full, '-f', 'md', '-o', full], 'The output file is the session file itself'],
    [['export', full, '--colour'], 'Unknown option'],
  ])('wrong arguments %j: exit 2 with a clear message', async (args, message) => {
    const before = await readFile(full, 'utf8');
    const result = await cli(args);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toContain(message);
    expect(await readFile(full, 'utf8')).toBe(before);
  });

  it('writes the action items as a table of their own with --table actions', async () => {
    const out = join(await tempFolder(), 'aufgaben.csv');
    expect((await cli(['export', full, '-f', 'csv', '--table', 'actions', '-o', out])).code).toBe(0);
    const [header, ...rows] = readCsv(new Uint8Array(await readFile(out)), ';');
    expect(header).toEqual(['Aufgabe', 'Wer', 'Bis', 'Stand', 'Karte', 'Spalte']);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['Scoring-Schwellen im Team vorstellen', 'Anna Schäfer', '2027-03-18', 'offen'],
      ['Alte Folien löschen', '', '', 'erledigt'],
    ]);
  });

  it('the full preset adds the moves log; --without-notes leaves the cards’ notes out', async () => {
    const folder = await tempFolder();
    await cli(['export', full, '-f', 'md', '-o', join(folder, 'full.md'), '--preset', 'full']);
    await cli(['export', full, '-f', 'md', '-o', join(folder, 'client.md'), '--without-notes']);
    const full_ = await readFile(join(folder, 'full.md'), 'utf8');
    const client = await readFile(join(folder, 'client.md'), 'utf8');
    expect(full_).toContain(`## ${summaryTexts.de.sections.moves}`);
    expect(full_).toContain('Nachfragen bei „Biggi“');
    expect(client).not.toContain(`## ${summaryTexts.de.sections.moves}`);
    expect(client).not.toContain('Nachfragen bei „Biggi“');
  });

  it('prints its help and exits 0', async () => {
    const result = await cli(['--help']);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('Usage: npm run cli -- export <file.nahtstelle> --format <format> --out <path>'),
    });
  });
});

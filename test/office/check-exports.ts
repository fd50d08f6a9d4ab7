/**
 * `npm run check:exports`: the exports read back by independent office software. Renders the
 * v3-full fixture and the large session of issue 14 (test/unit/export/sessions.ts
 * `consultantSession`) in every format through the app's own `renderExport`, with Chromium as the
 * printer, and has LibreOffice (headless) convert each Word, PowerPoint and CSV file to PDF: a
 * file it cannot read fails the check. Then it checks the page and slide counts of
 * docs/summaries.md. With `--images <folder>` it also writes a picture of each format's first
 * page there (pdftoppm), the pictures in docs/summaries.md.
 *
 * Not part of `npm test`: LibreOffice is a large install (see docs/summaries.md for the measured
 * time) and it cannot see what makes PowerPoint "repair" a deck anyway; the unit tests check the
 * packages for that (test/unit/export/office.test.ts). Exit codes: 0 all read back, 1 a file did
 * not, 2 LibreOffice, Chromium or poppler missing.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ExportKind, ExportRequest } from '../../core/api';
import type { Session } from '../../core/model';
import { parseSessionFile } from '../../core/session-file';
import { presetSections } from '../../core/summary-text';
import { createChromiumPrinter, findChromium } from '../../electron/cli/chromium';
import { exportExtension, renderExport } from '../../electron/export/export-session';
import { consultantSession } from '../unit/export/sessions';

const run = promisify(execFile);

interface Limit {
  readonly session: string;
  readonly kind: ExportKind;
  /** Pages (PDF) or slides (PowerPoint, as LibreOffice prints them) at most. */
  readonly max: number;
}

/** docs/summaries.md: the fixture in at most 8 slides; the PDF and the large deck within reason. */
const limits: readonly Limit[] = [
  { session: 'v3-full', kind: 'pptx', max: 8 },
  { session: 'v3-full', kind: 'pdf', max: 5 },
  { session: 'v3-full', kind: 'docx', max: 6 },
  { session: 'consultant', kind: 'pptx', max: 30 },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const imagesAt = args.indexOf('--images');
  const imageFolder = imagesAt >= 0 ? args[imagesAt + 1] : undefined;
  const soffice = await which('soffice');
  const chromium = await findChromium(process.env);
  if (!soffice || !chromium || !(await which('pdfinfo'))) {
    process.stderr.write(
      'check:exports needs LibreOffice (apt-get install libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui), Chromium and poppler-utils.\n',
    );
    return 2;
  }
  const loaded = parseSessionFile(await readFile('test/fixtures/sessions/v3-full.nahtstelle', 'utf8'));
  if (!loaded.ok) throw new Error(loaded.detail);
  const sessions: Record<string, Session> = { 'v3-full': loaded.session, consultant: consultantSession() };
  const folder = await mkdtemp(join(tmpdir(), 'nahtstelle-check-exports-'));
  // LibreOffice's own profile, so a desktop instance (or a broken profile) does not get in the way.
  const profile = `file://${join(folder, 'lo-profile')}`;
  const printer = createChromiumPrinter(chromium);
  const failures: string[] = [];
  try {
    for (const [name, session] of Object.entries(sessions)) {
      for (const kind of ['pdf', 'docx', 'pptx', 'html', 'md', 'csv', 'json', 'handout', 'png'] as const) {
        const request: ExportRequest = { kind, sections: presetSections.client, csvDelimiter: ';', fallbackLanguage: 'de' };
        const file = join(folder, `${name}-${kind}${exportExtension(kind)}`);
        const started = performance.now();
        await writeFile(file, await renderExport(session, request, printer, { exportedOn: '2027-03-05' }));
        const pdf =
          kind === 'docx' || kind === 'pptx' || kind === 'csv'
            ? await convert(soffice, profile, file, folder, kind)
            : file.endsWith('.pdf')
              ? file
              : null;
        const took = Math.round(performance.now() - started);
        if (pdf === null && (kind === 'docx' || kind === 'pptx' || kind === 'csv')) {
          failures.push(`${name} ${kind}: LibreOffice could not read it`);
          continue;
        }
        const pages = pdf ? await pageCount(pdf) : 0;
        process.stdout.write(`${name} ${kind}: ${pdf ? `${pages} page(s)` : 'written'}, ${took} ms\n`);
        const limit = limits.find((l) => l.session === name && l.kind === kind);
        if (limit && pages > limit.max) failures.push(`${name} ${kind}: ${pages} pages, more than ${limit.max}`);
        if (imageFolder && name === 'v3-full') await firstPage(pdf, file, kind, imageFolder);
      }
    }
  } finally {
    await printer.close();
    await rm(folder, { recursive: true, force: true });
  }
  for (const failure of failures) process.stderr.write(`${failure}\n`);
  process.stdout.write(failures.length === 0 ? 'Every export read back.\n' : `${failures.length} export(s) failed.\n`);
  return failures.length === 0 ? 0 : 1;
}

/** LibreOffice's PDF of the file, or null when it could not convert it. */
async function convert(soffice: string, profile: string, file: string, folder: string, kind: ExportKind): Promise<string | null> {
  const out = join(folder, `lo-${kind}-${Date.now()}`);
  await mkdir(out);
  // CSV: UTF-8 (76), semicolons (59), double quotes (34), from row 1.
  const filter = kind === 'csv' ? ['--infilter=CSV:59,34,76,1'] : [];
  try {
    await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', ...filter, '--convert-to', 'pdf', '--outdir', out, file], {
      timeout: 180_000,
    });
  } catch {
    return null;
  }
  const [pdf] = (await readdir(out)).filter((name) => name.endsWith('.pdf'));
  return pdf ? join(out, pdf) : null;
}

async function pageCount(pdf: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdf]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
}

/** docs/images/export-<kind>.png: the first page as a reader sees it. */
async function firstPage(pdf: string | null, file: string, kind: ExportKind, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const target = join(folder, `export-${kind}`);
  if (kind === 'png') await copyFile(file, `${target}.png`);
  else if (pdf) await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', pdf, target]);
}

async function which(program: string): Promise<string | null> {
  try {
    const { stdout } = await run('sh', ['-c', `command -v ${program}`]);
    return stdout.trim() || null;
  } catch {
    return null;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

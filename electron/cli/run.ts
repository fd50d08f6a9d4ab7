/** The command line, `npm run cli -- export …`, in plain Node with the app's own loader and renderers. docs/summaries.md, "Command line". */
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportKinds, type ExportKind, type ExportRequest } from '../../core/api';
import { csvTables, type CsvTable } from '../../core/export/csv';
import { presetSections, summaryPresets, summarySections, type SummaryPreset, type SummarySection } from '../../core/summary-text';
import { renderExport } from '../export/export-session';
import type { Printer } from '../export/print-page';
import { formatsWithBoard } from '../export/render';
import { writeFileAtomically, type AtomicFs } from '../services/atomic-file';
import { FileError } from '../services/file-error';
import { SessionFiles, type SessionFs } from '../services/session-files';
import { createChromiumPrinter, findChromium } from './chromium';
import { cliTexts, fill, languageOfLocale, type CliLanguage, type CliText } from './text';

export interface CliEnvironment {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
  /** The locale variables, for the default language. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For tests: file systems with injected faults. */
  readonly readFs?: SessionFs;
  readonly writeFs?: AtomicFs;
  /** For tests: the time zone of move times (the machine's otherwise). */
  readonly timeZone?: string;
  /** For tests: the day of the export (today otherwise). */
  readonly exportedOn?: string;
  /** For tests: where Chromium is, or null for none (found on the machine otherwise). */
  readonly chromium?: string | null;
}

export const exitCodes = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

class UsageError extends Error {}

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const env = environment.env ?? {};
  let language: CliLanguage = languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  let text = cliTexts[language];
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
        lang: { type: 'string' },
        semicolon: { type: 'boolean' },
        comma: { type: 'boolean' },
        table: { type: 'string' },
        preset: { type: 'string' },
        'without-notes': { type: 'boolean' },
        sections: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang !== undefined) {
      if (values.lang !== 'de' && values.lang !== 'en') throw new UsageError(fill(text.errors.badLanguage, { lang: values.lang }));
      language = values.lang;
      text = cliTexts[language];
    }
    if (values.help) {
      environment.stdout(text.usage);
      return exitCodes.ok;
    }
    const [command, ...inputs] = positionals;
    if (command === undefined) throw new UsageError(text.errors.noCommand);
    if (command !== 'export') throw new UsageError(fill(text.errors.unknownCommand, { command }));
    const [input] = inputs;
    if (input === undefined) throw new UsageError(text.errors.noInput);
    if (inputs.length > 1) throw new UsageError(text.errors.tooManyInputs);
    if (values.format === undefined) throw new UsageError(text.errors.noFormat);
    const format = values.format.toLowerCase();
    if (!isExportKind(format)) throw new UsageError(fill(text.errors.badFormat, { format: values.format }));
    if (values.out === undefined || values.out === '') throw new UsageError(text.errors.noOut);
    if ((values.semicolon || values.comma || values.table !== undefined) && format !== 'csv') throw new UsageError(text.errors.tableOnlyCsv);
    if (values.semicolon && values.comma) throw new UsageError(text.errors.semicolonOnlyCsv);
    if (values.table !== undefined && !isCsvTable(values.table)) throw new UsageError(fill(text.errors.badTable, { table: values.table }));
    if (values.preset !== undefined && !isPreset(values.preset)) throw new UsageError(fill(text.errors.badPreset, { preset: values.preset }));
    const sections = values.sections === undefined ? presetSections[values.preset ?? 'client'] : parseSections(values.sections, text);
    const inputPath = resolve(input);
    const outPath = resolve(values.out);
    await refuseOutPath(inputPath, outPath, text);

    // The app's loader, as it is: the service's read does the size check, the strict UTF-8
    // decode and parseSessionFile, and says whether a backup would open.
    const files = new SessionFiles({
      folder: () => dirname(inputPath),
      trash: () => Promise.reject(new Error('The command line never deletes files')),
      ...(environment.readFs && { fs: environment.readFs }),
    });
    const { session } = await files.read(inputPath);
    const printer = await cliPrinter(format, sections, environment, text);
    let bytes: Uint8Array;
    try {
      const delimiter = values.semicolon ? ';' : values.comma ? ',' : (session.details.language || language) === 'de' ? ';' : ',';
      const request: ExportRequest = {
        kind: format,
        sections,
        csvDelimiter: delimiter,
        withNotes: !values['without-notes'],
        fallbackLanguage: language,
        ...(values.table !== undefined && isCsvTable(values.table) && { csvTable: values.table }),
      };
      bytes = await renderExport(session, request, printer, {
        ...(environment.timeZone && { timeZone: environment.timeZone }),
        ...(environment.exportedOn && { exportedOn: environment.exportedOn }),
      });
    } finally {
      await printer?.close();
    }
    await writeFileAtomically(outPath, bytes, environment.writeFs);
    environment.stdout(fill(text.wrote, { file: outPath, size: formatSize(bytes.byteLength) }));
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      environment.stderr(error.message);
      environment.stderr(text.errors.seeHelp);
      return exitCodes.usage;
    }
    if (isParseArgsError(error)) {
      environment.stderr(fill(text.errors.badOption, { message: error.message }));
      environment.stderr(text.errors.seeHelp);
      return exitCodes.usage;
    }
    if (error instanceof FileError) {
      environment.stderr(describeFileError(error, text));
      if (error.apiError.detail) environment.stderr(fill(text.errors.details, { detail: error.apiError.detail }));
      return exitCodes.failed;
    }
    environment.stderr(fill(text.errors.internal, { detail: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
    return exitCodes.internal;
  }
}

/**
 * The output must never land on a session: not the input itself under another spelling (a link,
 * `./`, a case-insensitive disk: compared by real path), and not any existing session file or
 * backup, which the export's rename would replace with a summary.
 */
async function refuseOutPath(inputPath: string, outPath: string, text: CliText): Promise<void> {
  const real = async (path: string): Promise<string> => {
    try {
      return await realpath(path);
    } catch {
      // Not there (yet): its folder's real path, with the name as given.
      return join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path));
    }
  };
  const [input, out] = await Promise.all([real(inputPath), real(outPath)]);
  if (out === input || outPath === inputPath) throw new UsageError(text.errors.outIsInput);
  const sessionLike = (path: string) => /\.nahtstelle(?:\.bak)?$/i.test(path) || /\.bak$/i.test(path);
  const exists = await realpath(outPath).then(
    () => true,
    () => false,
  );
  if (exists && (sessionLike(outPath) || sessionLike(out))) throw new UsageError(fill(text.errors.outIsSession, { file: basename(outPath) }));
}

/** A file problem in the words the app uses for it, with the file's name. */
export function describeFileError(error: FileError, text: CliText): string {
  const { reason, file = '', backupAvailable } = error.apiError;
  if (reason === undefined) return error.message;
  if (reason in text.write) return fill(text.write[reason as keyof CliText['write']], { file });
  const sentences = [fill(text.files[reason as keyof CliText['files']], { file })];
  if (backupAvailable) sentences.push(text.files.backupAvailable);
  return sentences.join(' ');
}

/**
 * Chromium, where the kind needs it: pdf, handout and png cannot be made without it (a usage
 * error, exit 2); the board picture in html, docx and pptx is left out with a warning.
 */
async function cliPrinter(
  kind: ExportKind,
  sections: readonly SummarySection[],
  environment: CliEnvironment,
  text: CliText,
): Promise<(Printer & { close(): Promise<void> }) | null> {
  const needs = kind === 'pdf' || kind === 'handout' || kind === 'png';
  const wantsBoard = sections.includes('board') && (formatsWithBoard as readonly string[]).includes(kind);
  if (!needs && !wantsBoard) return null;
  const path = environment.chromium !== undefined ? environment.chromium : await findChromium(environment.env ?? {});
  if (path === null) {
    if (needs) throw new UsageError(fill(text.errors.noChromium, { format: kind }));
    environment.stderr(text.noBoardPicture);
    return null;
  }
  return createChromiumPrinter(path);
}

function isExportKind(value: string): value is ExportKind {
  return (exportKinds as readonly string[]).includes(value);
}

function isCsvTable(value: string): value is CsvTable {
  return (csvTables as readonly string[]).includes(value);
}

function isPreset(value: string): value is SummaryPreset {
  return (summaryPresets as readonly string[]).includes(value);
}

function parseSections(list: string, text: CliText): SummarySection[] {
  const wanted = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of wanted) {
    if (!(summarySections as readonly string[]).includes(name)) throw new UsageError(fill(text.errors.badSections, { section: name }));
  }
  return summarySections.filter((section) => wanted.includes(section));
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS');
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

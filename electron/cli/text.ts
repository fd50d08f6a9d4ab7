/**
 * The command line's words in English and German; a file's problems are worded as the app words them.
 * docs/summaries.md, "Command line".
 */
import type { OpenProblemCode, SaveProblemCode } from '../../core/file-problems';
import { languageOfLocale as languageOfAnyLocale, type Language } from '../../core/languages';

export type CliLanguage = Language;

export interface CliText {
  readonly usage: string;
  readonly files: Readonly<Record<OpenProblemCode, string>> & { readonly backupAvailable: string };
  readonly write: Readonly<Record<SaveProblemCode, string>>;
  readonly errors: {
    readonly unknownCommand: string;
    readonly noCommand: string;
    readonly noInput: string;
    readonly tooManyInputs: string;
    readonly noFormat: string;
    readonly badFormat: string;
    readonly noChromium: string;
    readonly badPreset: string;
    readonly badTable: string;
    readonly tableOnlyCsv: string;
    readonly noOut: string;
    readonly badLanguage: string;
    readonly badSections: string;
    readonly semicolonOnlyCsv: string;
    readonly outIsInput: string;
    readonly outIsSession: string;
    readonly internal: string;
    readonly badOption: string;
    readonly details: string;
    readonly seeHelp: string;
  };
  readonly wrote: string;
  /** A warning: the document is written, without the board picture. */
  readonly noBoardPicture: string;
}

const formats = 'pdf | docx | pptx | html | md | csv | json | handout | png';
const sections = 'facts, glance, board, actions, lanes, seams, caricatures, metrics, votes, agenda, moves';

const en: CliText = {
  usage: `Usage: npm run cli -- export <file.nahtstelle> --format <format> --out <path> [options]

Writes the summary of a session file, without the app and without a display.

  --format, -f <format>   ${formats}
  --out, -o <path>        the file to write (written whole or not at all)
  --lang <de|en>          language of these messages, and of the summary when the
                          session has none set (default: from LANG, else English)
  --preset <client|full>  client (default): everything but the moves log;
                          full: everything
  --sections <list>       instead of a preset, comma-separated, in any order:
                          ${sections}
  --without-notes         leave the cards' notes, why and tags out
  --semicolon, --comma    CSV only: the separator (default: semicolons for a German
                          session, commas otherwise)
  --table <cards|actions> CSV only: one row per card (default) or per action item
  --help, -h              this text

pdf, handout, png and the board picture in docx, pptx and html are printed by
Chromium (CHROMIUM_PATH, or where it is usually installed).

Exit codes: 0 written, 1 the session file cannot be read or the output cannot be
written, 2 wrong arguments or no Chromium for pdf, handout or png, 3 an internal error.`,
  files: {
    notFound: '“{{file}}” was not found.',
    unreadable: '“{{file}}” could not be read.',
    tooLarge: '“{{file}}” is larger than 50 MB and was not opened.',
    binary: '“{{file}}” is not a text file, so it is not a Nahtstelle session.',
    truncated: '“{{file}}” is damaged: it is cut off (the end of the file is missing).',
    notJson: '“{{file}}” is damaged: its content is not valid JSON.',
    tooDeep: '“{{file}}” is nested too deeply to be a session file.',
    notSessionFile: '“{{file}}” is not a Nahtstelle session file.',
    newerVersion: '“{{file}}” was saved by a newer version of Nahtstelle. Update the app to open it.',
    invalidVersion: '“{{file}}” has an invalid format version.',
    invalidSession: '“{{file}}” is damaged: its content does not match a session.',
    duplicateIds: '“{{file}}” is damaged: an entry appears twice.',
    danglingReference: '“{{file}}” is damaged: a card or lane refers to something that is missing.',
    backupAvailable: 'A backup from before the last change exists.',
  },
  write: {
    diskFull: '“{{file}}” was not written: the disk is full.',
    folderMissing: '“{{file}}” was not written: its folder does not exist.',
    permissionDenied: '“{{file}}” was not written: no permission to write there.',
    saveFailed: '“{{file}}” could not be written.',
  },
  errors: {
    unknownCommand: 'Unknown command “{{command}}”. The command is “export”.',
    noCommand: 'No command given. The command is “export”.',
    noInput: 'No session file given.',
    tooManyInputs: 'Give exactly one session file.',
    noFormat: `No format given: --format ${formats}.`,
    badFormat: `Unknown format “{{format}}”: use ${formats}.`,
    noChromium: 'No Chromium found: --format {{format}} is printed by Chromium. Install Chromium or Chrome, or set CHROMIUM_PATH to its program.',
    badPreset: 'Unknown preset “{{preset}}”: use client or full.',
    badTable: 'Unknown table “{{table}}”: use cards or actions.',
    tableOnlyCsv: '--table, --semicolon and --comma apply to --format csv only.',
    noOut: 'No output file given: --out <path>.',
    badLanguage: 'Unknown language “{{lang}}”: use de or en.',
    badSections: `Unknown section “{{section}}”: use ${sections}.`,
    semicolonOnlyCsv: 'Give either --semicolon or --comma.',
    outIsInput: 'The output file is the session file itself; choose another --out.',
    outIsSession: '“{{file}}” is a session file or its backup; the command line never writes over one. Choose another --out.',
    internal: 'Internal error (a fault in the program, not in your input): {{detail}}',
    badOption: '{{message}}',
    details: 'Details: {{detail}}',
    seeHelp: 'See: npm run cli -- --help',
  },
  wrote: 'Wrote “{{file}}” ({{size}}).',
  noBoardPicture: 'No Chromium found: the board picture is left out. Set CHROMIUM_PATH to include it.',
};

const de: CliText = {
  usage: `Aufruf: npm run cli -- export <datei.nahtstelle> --format <format> --out <pfad> [Optionen]

Schreibt die Zusammenfassung einer Sitzungsdatei, ohne App und ohne Bildschirm.

  --format, -f <format>   ${formats}
  --out, -o <pfad>        die Zieldatei (wird ganz oder gar nicht geschrieben)
  --lang <de|en>          Sprache dieser Meldungen und der Zusammenfassung, wenn die
                          Sitzung keine festlegt (Standard: aus LANG, sonst Englisch)
  --preset <client|full>  client (Standard): alles außer dem Verschiebungsprotokoll;
                          full: alles
  --sections <liste>      statt einer Vorauswahl, kommagetrennt, beliebige Reihenfolge:
                          ${sections}
  --without-notes         Notizen, Wozu und Schlagwörter der Karten weglassen
  --semicolon, --comma    nur CSV: das Trennzeichen (Standard: Semikolon für eine
                          deutsche Sitzung, sonst Komma)
  --table <cards|actions> nur CSV: eine Zeile je Karte (Standard) oder je Aufgabe
  --help, -h              dieser Text

pdf, handout, png und das Bild des Boards in docx, pptx und html druckt Chromium
(CHROMIUM_PATH, oder wo es üblicherweise installiert ist).

Exit-Codes: 0 geschrieben, 1 die Sitzungsdatei ist nicht lesbar oder die Zieldatei
nicht schreibbar, 2 falsche Argumente oder kein Chromium für pdf, handout oder png, 3 ein interner Fehler.`,
  files: {
    notFound: '„{{file}}“ wurde nicht gefunden.',
    unreadable: '„{{file}}“ konnte nicht gelesen werden.',
    tooLarge: '„{{file}}“ ist größer als 50 MB und wurde nicht geöffnet.',
    binary: '„{{file}}“ ist keine Textdatei und damit keine Nahtstelle-Sitzung.',
    truncated: '„{{file}}“ ist beschädigt: Die Datei ist abgeschnitten (ihr Ende fehlt).',
    notJson: '„{{file}}“ ist beschädigt: Der Inhalt ist kein gültiges JSON.',
    tooDeep: '„{{file}}“ ist zu tief verschachtelt für eine Sitzungsdatei.',
    notSessionFile: '„{{file}}“ ist keine Nahtstelle-Sitzungsdatei.',
    newerVersion: '„{{file}}“ wurde mit einer neueren Nahtstelle-Version gespeichert. Bitte die App aktualisieren, um sie zu öffnen.',
    invalidVersion: '„{{file}}“ hat eine ungültige Formatversion.',
    invalidSession: '„{{file}}“ ist beschädigt: Der Inhalt passt nicht zu einer Sitzung.',
    duplicateIds: '„{{file}}“ ist beschädigt: Ein Eintrag kommt doppelt vor.',
    danglingReference: '„{{file}}“ ist beschädigt: Eine Karte oder Spalte verweist auf etwas, das fehlt.',
    backupAvailable: 'Es gibt eine Sicherung vom Stand vor der letzten Änderung.',
  },
  write: {
    diskFull: '„{{file}}“ wurde nicht geschrieben: Der Datenträger ist voll.',
    folderMissing: '„{{file}}“ wurde nicht geschrieben: Der Ordner existiert nicht.',
    permissionDenied: '„{{file}}“ wurde nicht geschrieben: Dort darf nicht geschrieben werden.',
    saveFailed: '„{{file}}“ konnte nicht geschrieben werden.',
  },
  errors: {
    unknownCommand: 'Unbekannter Befehl „{{command}}“. Der Befehl heißt „export“.',
    noCommand: 'Kein Befehl angegeben. Der Befehl heißt „export“.',
    noInput: 'Keine Sitzungsdatei angegeben.',
    tooManyInputs: 'Bitte genau eine Sitzungsdatei angeben.',
    noFormat: `Kein Format angegeben: --format ${formats}.`,
    badFormat: `Unbekanntes Format „{{format}}“: möglich sind ${formats}.`,
    noChromium:
      'Kein Chromium gefunden: --format {{format}} wird von Chromium gedruckt. Bitte Chromium oder Chrome installieren oder CHROMIUM_PATH auf das Programm setzen.',
    badPreset: 'Unbekannte Vorauswahl „{{preset}}“: möglich sind client und full.',
    badTable: 'Unbekannte Tabelle „{{table}}“: möglich sind cards und actions.',
    tableOnlyCsv: '--table, --semicolon und --comma gelten nur für --format csv.',
    noOut: 'Keine Zieldatei angegeben: --out <pfad>.',
    badLanguage: 'Unbekannte Sprache „{{lang}}“: möglich sind de und en.',
    badSections: `Unbekannter Abschnitt „{{section}}“: möglich sind ${sections}.`,
    semicolonOnlyCsv: 'Bitte entweder --semicolon oder --comma angeben.',
    outIsInput: 'Die Zieldatei ist die Sitzungsdatei selbst; bitte ein anderes --out wählen.',
    outIsSession: '„{{file}}“ ist eine Sitzungsdatei oder deren Sicherung; die Kommandozeile schreibt nie darüber. Bitte ein anderes --out wählen.',
    internal: 'Interner Fehler (ein Fehler im Programm, nicht in Ihrer Eingabe): {{detail}}',
    badOption: '{{message}}',
    details: 'Details: {{detail}}',
    seeHelp: 'Hilfe: npm run cli -- --help',
  },
  wrote: '„{{file}}“ geschrieben ({{size}}).',
  noBoardPicture: 'Kein Chromium gefunden: Das Bild des Boards fehlt. Mit CHROMIUM_PATH kommt es dazu.',
};

export const cliTexts: Readonly<Record<CliLanguage, CliText>> = { de, en };

/** Fills `{{name}}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/** The language of a POSIX locale (LC_ALL, LC_MESSAGES, LANG): German for any German one, else English. */
export function languageOfLocale(locale: string | undefined): CliLanguage {
  return languageOfAnyLocale(locale);
}

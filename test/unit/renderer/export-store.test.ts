import i18next, { type TFunction } from 'i18next';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiErrorMessage, type ExportRequest, type NahtstelleApi } from '../../../core/api';
import { createSession, type Session } from '../../../core/model';
import { summarySections } from '../../../core/summary-text';
import { describeExportError } from '../../../renderer/src/export/export-errors';
import { explainError, technicalDetail } from '../../../renderer/src/ui/errors';
import { fileNameOf, folderOf, languageOf, presetOf, useExport, withSection } from '../../../renderer/src/export/export-store';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';

type ExportSession = NahtstelleApi['exportSession'];

const session: Session = createSession('s-1', { title: 'Kick-off', language: 'de' });
const store = () => useExport.getState();
const run = (exportSession: ExportSession, kind: ExportRequest['kind'] = 'md') =>
  store().run({ kind, session, fallbackLanguage: 'en', exportSession });
const failure = (reason: string, path?: string) =>
  new Error(
    apiErrorMessage({
      code: 'fileProblem',
      detail: 'ENOENT',
      reason: reason as 'folderMissing',
      file: 'Kick-off.md',
      ...(path !== undefined && { path }),
    }),
  );

beforeEach(() => {
  useExport.setState({ sections: summarySections, withNotes: true, summaryKind: 'pdf', csvDelimiter: ',', status: { state: 'idle' } });
});

describe('choosing what to export', () => {
  it('keeps the sections in the summary’s order, however they are switched', () => {
    expect(withSection(['moves', 'facts'], 'glance', true)).toEqual(['facts', 'glance', 'moves']);
    expect(withSection(summarySections, 'caricatures', false)).toEqual(summarySections.filter((s) => s !== 'caricatures'));
    expect(withSection(['facts'], 'facts', true)).toEqual(['facts']);
    expect(withSection(['facts'], 'facts', false)).toEqual([]);
  });

  it('sends what was chosen: sections, CSV delimiter, the UI language for a session without one', async () => {
    const exportSession = vi.fn<ExportSession>(async () => '/home/jana/Kick-off.csv');
    store().setSection('moves', false);
    store().setSection('facts', false);
    store().setCsvDelimiter(';');
    await run(exportSession, 'csv');
    expect(exportSession).toHaveBeenCalledWith(
      session,
      {
        kind: 'csv',
        sections: summarySections.filter((s) => s !== 'moves' && s !== 'facts'),
        csvDelimiter: ';',
        withNotes: true,
        fallbackLanguage: 'en',
      },
      null,
    );
  });

  it('offers the client and the full preset, and knows an own choice', () => {
    store().setPreset('full');
    expect(presetOf(store().sections)).toBe('full');
    store().setPreset('client');
    expect(store().sections).not.toContain('moves');
    expect(presetOf(store().sections)).toBe('client');
    store().setSection('votes', false);
    expect(presetOf(store().sections)).toBeNull();
  });

  it('separates CSV by the session’s language until the facilitator chooses: semicolons for German', async () => {
    useExport.setState({ csvDelimiter: null });
    const exportSession = vi.fn<ExportSession>(async () => '/tmp/x.csv');
    await store().run({
      kind: 'csv',
      session: { ...session, details: { ...session.details, language: 'de' } },
      fallbackLanguage: 'en',
      exportSession,
    });
    await store().run({ kind: 'csv', session: { ...session, details: { ...session.details, language: '' } }, fallbackLanguage: 'en', exportSession });
    expect(exportSession.mock.calls.map(([, request]) => request.csvDelimiter)).toEqual([';', ',']);
  });
});

describe('one export', () => {
  it('says busy while main writes, then names the file saved', async () => {
    let finish: (path: string | null) => void = () => undefined;
    const pending = run(() => new Promise((resolve) => (finish = resolve)), 'docx');
    expect(store().status).toEqual({ state: 'busy', kind: 'docx' });
    finish('C:\\Users\\Jana\\Documents\\Zusammenfassung.docx');
    await pending;
    const path = 'C:\\Users\\Jana\\Documents\\Zusammenfassung.docx';
    expect(store().status).toEqual({ state: 'saved', kind: 'docx', file: 'Zusammenfassung.docx', folder: 'C:\\Users\\Jana\\Documents', path });
  });

  it('a cancelled save dialog leaves nothing to say', async () => {
    await run(async () => '/tmp/first.md');
    await run(async () => null);
    expect(store().status).toEqual({ state: 'idle' });
  });

  it('keeps the error of a failed write and its path, so "Try again" writes there without asking', async () => {
    const error = failure('folderMissing', '/media/stick/Kick-off.pdf');
    await run(async () => Promise.reject(error), 'pdf');
    expect(store().status).toEqual({ state: 'failed', kind: 'pdf', error, retryPath: '/media/stick/Kick-off.pdf' });

    const exportSession = vi.fn<ExportSession>(async (_session, _request, path) => path);
    await store().run({ kind: 'pdf', session, fallbackLanguage: 'en', exportSession, retryPath: '/media/stick/Kick-off.pdf' });
    expect(exportSession.mock.calls[0]?.[2]).toBe('/media/stick/Kick-off.pdf');
    expect(store().status).toEqual({ state: 'saved', kind: 'pdf', file: 'Kick-off.pdf', folder: '/media/stick', path: '/media/stick/Kick-off.pdf' });
  });

  it('a failure before any path was chosen leaves "Try again" to ask again', async () => {
    const error = new Error(apiErrorMessage({ code: 'invalidArguments', detail: 'request.kind' }));
    await run(async () => Promise.reject(error), 'json');
    expect(store().status).toEqual({ state: 'failed', kind: 'json', error, retryPath: null });
  });

  it('ignores a second click while an export runs, and a fresh dialog does not hide it', async () => {
    let finish: (path: string | null) => void = () => undefined;
    const first = vi.fn<ExportSession>(() => new Promise((resolve) => (finish = resolve)));
    const second = vi.fn<ExportSession>(async () => '/tmp/second.md');
    const pending = run(first);
    await run(second, 'png');
    store().clearStatus();
    expect(store().status).toEqual({ state: 'busy', kind: 'md' });
    finish('/tmp/first.md');
    await pending;
    expect(second).not.toHaveBeenCalled();
    store().clearStatus();
    expect(store().status).toEqual({ state: 'idle' });
  });
});

describe('small helpers', () => {
  it('names a file by the last part of its path on any system', () => {
    expect(fileNameOf('/home/jana/Zusammenfassung März.pdf')).toBe('Zusammenfassung März.pdf');
    expect(fileNameOf('C:\\Users\\Jana\\Board.png')).toBe('Board.png');
    expect(fileNameOf('summary.md')).toBe('summary.md');
    expect(folderOf('/home/jana/Zusammenfassung März.pdf')).toBe('/home/jana');
    expect(folderOf('C:\\Users\\Jana\\Board.png')).toBe('C:\\Users\\Jana');
    expect(folderOf('/Board.png')).toBe('/');
    expect(folderOf('summary.md')).toBe('');
  });

  it('reads the UI language from i18next’s code', () => {
    expect(languageOf('de')).toBe('de');
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});

describe('why an export failed, in the UI language', () => {
  let t: TFunction;
  let tDe: TFunction;
  beforeAll(async () => {
    const english = i18next.createInstance();
    await english.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
    t = english.t;
    const german = i18next.createInstance();
    await german.init({ resources: { de: { translation: de } }, lng: 'de', interpolation: { escapeValue: false } });
    tDe = german.t;
  });

  it('words a failed write for an export, with the file and what to do', () => {
    expect(describeExportError(failure('folderMissing'), t)).toBe('The folder for “Kick-off.md” is gone (removed or disconnected?).');
    expect(describeExportError(failure('permissionDenied'), tDe)).toBe('Die App darf „Kick-off.md“ in diesem Ordner nicht speichern.');
    expect(describeExportError(failure('diskFull'), t)).toBe('The disk is full: free some space and try again, or save elsewhere.');
    expect(describeExportError(failure('saveFailed'), tDe)).toBe('„Kick-off.md“ konnte nicht geschrieben werden.');
  });

  it('words any other failure as the app does elsewhere: a plain sentence, the technical detail apart', () => {
    const invalid = new Error(apiErrorMessage({ code: 'invalidArguments', detail: 'request.kind' }));
    expect(describeExportError(invalid, t)).toBe('The app sent data it could not use.');
    expect(describeExportError(new Error('boom'), t)).toBe('The app could not finish this step.');
    expect(explainError(invalid, t).detail).toBe('invalidArguments: request.kind');
    expect(explainError(new Error('boom'), tDe)).toEqual({ message: 'Die App konnte diesen Schritt nicht abschließen.', detail: 'boom' });
  });
});

describe('technical detail', () => {
  it('is kept for what went wrong in the machine, not for the facilitator’s own choices', () => {
    const fileProblem = { code: 'fileProblem' as const, reason: 'diskFull' as const, file: 'a.md', detail: 'ENOSPC: no space left on device' };
    expect(technicalDetail(fileProblem)).toBe('fileProblem (diskFull): ENOSPC: no space left on device');
    expect(technicalDetail({ code: 'internal', detail: '' })).toBe('internal');
    expect(technicalDetail({ code: 'templateNotFound', detail: 'Template t1 not found' })).toBe('');
  });
});

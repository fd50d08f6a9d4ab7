/**
 * Real main-process services for tests: a PreferencesStore over a Map and a SessionFiles in a
 * fresh temp folder, with dialogs a test answers, a trash folder it can look into, and a printer
 * that records what it was given to print.
 */
import { solidPng } from '../export/readers';
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { vi, type Mock } from 'vitest';
import { createSession, type Session } from '../../../core/model';
import { addCard } from '../../../core/operations';
import type { ApiVerb, NahtstelleApi } from '../../../core/api';
import { audienceView } from '../../../core/audience';
import type { AudienceScreen, Dialogs, MainServices } from '../../../electron/ipc/handlers';
import type { Printer } from '../../../electron/export/print-page';
import type { RoomService } from '../../../electron/services/room';
import { PreferencesStore } from '../../../electron/services/preferences';
import MapStore from '../fakes/electron-store';
import { SessionFiles } from '../../../electron/services/session-files';

/** Preferences over the same Map-backed store that stands in for electron-store. */
export { MapStore };

/** What the next dialog of each kind answers; null is a cancel. */
export interface DialogAnswers {
  sessionFile: string | null;
  saveAsPath: string | null;
  folder: string | null;
  exportPath: string | null;
  /** Whether the facilitator confirms opening a file main never learned from them (a drop). */
  confirmOpen: boolean;
}

/** Stand-in bytes the fake printer returns: recognisable, not a real PDF or PNG. */
export const fakePdf = new TextEncoder().encode('%PDF-fake');
/** A real (tiny) PNG: Word and PowerPoint read its size to embed it as the board picture. */
export const fakePng = solidPng(4, 3);

export interface TestServices {
  readonly services: MainServices;
  readonly preferences: PreferencesStore;
  readonly store: MapStore;
  /** The temp folder everything lives in; removed by `cleanup`. */
  readonly root: string;
  /** The sessions folder (root/sessions), not created until something is saved. */
  readonly sessionsFolder: string;
  /** The fake system trash (root/trash). */
  readonly trashFolder: string;
  readonly answers: DialogAnswers;
  readonly dialogs: { readonly [K in keyof Dialogs]: Mock<Dialogs[K]> };
  readonly reveal: Mock<(path: string) => void>;
  readonly printer: { readonly [K in keyof Printer]: Mock<Printer[K]> };
  readonly audience: { readonly [K in keyof AudienceScreen]: Mock<AudienceScreen[K]> };
  readonly fullScreen: Mock<(on: boolean) => void>;
  readonly room: { readonly [K in keyof RoomService]: Mock<RoomService[K]> };
  cleanup(): Promise<void>;
}

export async function createTestServices(options: { readonly systemLocale?: string } = {}): Promise<TestServices> {
  const root = await mkdtemp(join(tmpdir(), 'nahtstelle-main-'));
  const sessionsFolder = join(root, 'sessions');
  const trashFolder = join(root, 'trash');
  const store = new MapStore();
  const preferences = new PreferencesStore(store, sessionsFolder);
  const sessionFiles = new SessionFiles({
    folder: () => preferences.sessionsFolder,
    trash: async (path) => {
      await mkdir(trashFolder, { recursive: true });
      await rename(path, join(trashFolder, basename(path)));
    },
  });
  const answers: DialogAnswers = { sessionFile: null, saveAsPath: null, folder: null, exportPath: null, confirmOpen: false };
  const dialogs = {
    chooseSessionFile: vi.fn<Dialogs['chooseSessionFile']>(async () => answers.sessionFile),
    chooseSaveAsPath: vi.fn<Dialogs['chooseSaveAsPath']>(async () => answers.saveAsPath),
    chooseFolder: vi.fn<Dialogs['chooseFolder']>(async () => answers.folder),
    chooseExportPath: vi.fn<Dialogs['chooseExportPath']>(async () => answers.exportPath),
    confirmOpenFile: vi.fn<Dialogs['confirmOpenFile']>(async () => answers.confirmOpen),
  };
  const reveal = vi.fn<(path: string) => void>();
  const printer = {
    pdf: vi.fn<Printer['pdf']>(async () => fakePdf),
    png: vi.fn<Printer['png']>(async () => fakePng),
  };
  const audience = {
    open: vi.fn<AudienceScreen['open']>(() => 'sameDisplay'),
    close: vi.fn<AudienceScreen['close']>(),
    show: vi.fn<AudienceScreen['show']>(),
  };
  const fullScreen = vi.fn<(on: boolean) => void>();
  const loopback = { name: 'lo', address: '127.0.0.1', kind: 'network', virtual: false, likely: true } as const;
  const off = { on: false } as const;
  const room = {
    addresses: vi.fn<RoomService['addresses']>(() => ({ addresses: [loopback], preselected: loopback })),
    state: vi.fn<RoomService['state']>(() => off),
    start: vi.fn<RoomService['start']>(async () => off),
    stop: vi.fn<RoomService['stop']>(async () => undefined),
    setJoining: vi.fn<RoomService['setJoining']>(() => off),
    newCode: vi.fn<RoomService['newCode']>(() => off),
    end: vi.fn<RoomService['end']>(() => off),
    remove: vi.fn<RoomService['remove']>(() => off),
    answer: vi.fn<RoomService['answer']>(),
    showViews: vi.fn<RoomService['showViews']>(),
  };
  let ids = 0;
  const services: MainServices = {
    preferences,
    sessionFiles,
    systemLocale: () => options.systemLocale ?? 'de-DE',
    newSessionId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    dialogs,
    reveal,
    printer,
    audience,
    fullScreen,
    room,
  };
  return {
    services,
    preferences,
    store,
    root,
    sessionsFolder,
    trashFolder,
    answers,
    dialogs,
    reveal,
    printer,
    audience,
    fullScreen,
    room,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** A small board: one card in each of the first two lanes. */
export function sampleSession(id = 'a1b2c3d4-0000-4000-8000-000000000001', title = 'Kick-off Müller GmbH'): Session {
  let session = createSession(id, { title, client: 'Müller GmbH', date: '2025-03-14', place: 'Köln' });
  session = addCard(session, 'card-1', 'marketing', 'Leads aus der Messe');
  return addCard(session, 'card-2', 'seam', 'Übergabe an den Vertrieb');
}

/** The names in a folder, sorted; [] when it does not exist. */
export async function namesIn(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [] as string[])).sort();
}

/** One valid call per verb; typed so that a new verb in the contract needs a row here. */
export const exampleCalls: { readonly [V in ApiVerb]: Parameters<NahtstelleApi[V]> } = {
  getStartupState: [],
  setLanguage: ['de'],
  setTheme: ['dark'],
  setTimerSound: [true],
  setWorkshopPanelExpanded: [true],
  setWindowZoom: [1.5],
  chooseSessionsFolder: [true],
  listSessions: [],
  createSession: [{ title: 'Kick-off' }, 'workshop'],
  openSession: ['/sessions/kick-off.nahtstelle'],
  openBackup: ['/sessions/kick-off.nahtstelle'],
  openSessionFromDisk: [],
  closeSession: [],
  saveSession: ['/sessions/kick-off.nahtstelle', sampleSession()],
  saveSessionChanges: ['/sessions/kick-off.nahtstelle', { base: 'r1', session: sampleSession(), removedCards: [] }],
  saveSessionAs: [sampleSession()],
  duplicateSession: ['/sessions/kick-off.nahtstelle'],
  renameSession: ['/sessions/kick-off.nahtstelle', 'Strategietag'],
  deleteSession: ['/sessions/kick-off.nahtstelle'],
  revealSession: ['/sessions/kick-off.nahtstelle'],
  listTemplates: [],
  saveTemplate: ['Kurzformat', [{ kind: 'lead', title: null, prompt: null, minutes: 30, skipped: false }]],
  deleteTemplate: ['00000000-0000-4000-8000-000000000001'],
  exportSession: [sampleSession(), { kind: 'md', sections: ['facts', 'glance', 'lanes'], csvDelimiter: ',', fallbackLanguage: 'de' }, null],
  revealExport: ['/exports/Kick-off.md'],
  setFullScreen: [true],
  openAudienceWindow: [],
  closeAudienceWindow: [],
  showAudienceView: [
    audienceView(sampleSession(), { spotlightCardId: 'card-1', zoom: 'fit', boardView: 'lanes', scrolledTo: {}, language: 'de', theme: 'contrast' }),
  ],
  listRoomAddresses: [],
  startRoom: ['127.0.0.1'],
  stopRoom: [],
  setRoomJoining: [false],
  newRoomCode: [],
  endRoom: [],
  removeRoomParticipant: ['p-1'],
  answerRoomCommands: [[{ requestId: '00000000-0000-4000-8000-000000000001', answer: { ok: true, wrote: 'card-3' } }]],
  showPhoneViews: [
    {
      board: { sessionTitle: 'Kick-off', block: null, mission: '', lanes: [], caricaturesRevealed: false, votesRevealed: false },
      personal: { 'p-1': { mine: [], can: { topics: true, caricatures: false }, dots: null } },
    },
  ],
};

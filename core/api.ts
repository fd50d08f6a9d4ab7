/**
 * The one contract between the UI (renderer) and the machine (Electron main, or the web test host).
 * Every verb and event is declared here; channel names are derived here and nowhere else.
 */
import { openProblemCodes, saveProblemCodes, sessionSaveProblemCodes, type FileProblemCode } from './file-problems';
import type { AudienceView } from './audience';
import type { Session, SessionDetails } from './model';
import type { AgendaTemplate, TemplateBlock } from './templates';
import type { SummaryFormat } from './export/formats';
import type { SummarySection } from './summary-text';
import type { SessionChanges } from './session-changes';
import type { CardId } from './model';
import type { RoomAddress } from './network';
import type { RoomAnswer, RoomCommand, RoomParticipantInfo } from './room';
import type { PhoneBoard, PhonePersonal } from './room-view';

export type { AgendaTemplate, TemplateBlock } from './templates';

import type { Language } from './languages';

export { languages, type Language } from './languages';

/** "system" follows the operating system: its dark mode, and its high-contrast setting. */
export const themes = ['system', 'light', 'dark', 'contrast'] as const;
export type Theme = (typeof themes)[number];

/** The facilitator's preferences, kept by main (electron-store). Sessions are never stored here. */
export interface Preferences {
  /** The chosen UI language, or null to follow the system. */
  readonly language: Language | null;
  readonly theme: Theme;
  /** Where new sessions are saved and the library looks. */
  readonly sessionsFolder: string;
  /** Session files opened lately, newest first (paths). */
  readonly recentFiles: readonly string[];
  /** A short tone when a block's time is up. Off by default: the room may not want it. */
  readonly timerSound: boolean;
  /** The workshop panel above the board shows everything (prompt, tools, mission), not its one-row form. */
  readonly workshopPanelExpanded: boolean;
  /** The control window's zoom (Ctrl/⌘ + / − / 0), a factor within `windowZoomLimits`. */
  readonly windowZoom: number;
}

/** The control window's zoom: 50–200 % in steps of 10 %. */
export const windowZoomLimits = { min: 0.5, max: 2, step: 0.1 } as const;

/** A session file as the library lists it. A damaged or foreign file is listed with its problem. */
export interface SessionSummary {
  readonly path: string;
  readonly fileName: string;
  readonly title: string;
  readonly client: string;
  readonly date: string;
  readonly place: string;
  readonly cardCount: number;
  /** When the file last changed on disk, ISO 8601. */
  readonly modifiedAt: string;
  readonly problem: ApiError | null;
}

/** A session opened for work: main has read and validated it; edits are saved back to `path`. */
export interface OpenedSession {
  readonly path: string;
  readonly session: Session;
  /** When the file on disk was last written, ISO 8601. */
  readonly savedAt: string;
  /** Set when the main file was damaged and the facilitator chose its backup. */
  readonly fromBackup: boolean;
  /** Names the version main read, which the first autosave's changes start from (saveSessionChanges). */
  readonly revision?: string;
}

export interface StartupState {
  /** The operating system's locale, e.g. "de-DE"; the UI follows it unless a language was chosen. */
  readonly systemLocale: string;
  readonly preferences: Preferences;
  /** The session that was open when the app last stopped (crash or not), reopened; else null. */
  readonly session: OpenedSession | null;
  /** Why the last session could not be reopened, if it could not. */
  readonly problem: ApiError | null;
  /**
   * The preferences file was damaged (set aside as `keptAs`; the app started with defaults) or
   * cannot be written (preferences last for this run only). Told once per run.
   */
  readonly preferencesProblem: { readonly kind: 'damaged' | 'notSaved'; readonly keptAs: string } | null;
}

/** What a new session starts with: a blank board or the built-in workshop template ... */
export const builtInTemplates = ['blank', 'workshop'] as const;
export type BuiltInTemplate = (typeof builtInTemplates)[number];
/** ... or one of the facilitator's own templates, by id. */
export interface OwnTemplateRef {
  readonly kind: 'own';
  readonly id: string;
}
export type SessionTemplate = BuiltInTemplate | OwnTemplateRef;

export interface SavedState {
  readonly savedAt: string;
  /**
   * Set when the file had been changed by another program since the app last read or wrote it:
   * that version was kept under this path (`<name> (changed elsewhere <time>).nahtstelle`) first.
   */
  readonly conflictCopy?: string;
}

/** A save of the open session: as SavedState, and the name of the version saved, which later changes start from. */
export interface SessionSaved extends SavedState {
  readonly revision: string;
}

/**
 * What an export writes: a summary in one of the file formats (core/export/formats.ts), the
 * summary as PDF, the one-page mission handout (PDF), or an image of the board (PNG). PDF and PNG
 * are printed by Chromium in main (electron/export/printer.ts); everything else is rendered there.
 */
export const exportKinds = ['pdf', 'docx', 'pptx', 'md', 'html', 'csv', 'json', 'handout', 'png'] as const satisfies readonly (
  SummaryFormat | 'pdf' | 'handout' | 'png'
)[];
export type ExportKind = (typeof exportKinds)[number];

export interface ExportRequest {
  readonly kind: ExportKind;
  /**
   * The summary's sections to include, in any order (core/summary-text.ts summarySections). The
   * handout (the mission) and the board image (the lanes) do not depend on it.
   */
  readonly sections: readonly SummarySection[];
  /** CSV only (ignored otherwise): ';' opens right in German Excel. */
  readonly csvDelimiter: ',' | ';';
  /** CSV only: the card table (default) or one row per action item. */
  readonly csvTable?: 'cards' | 'actions';
  /** Whether the lanes show each card's notes, why and tags (default: yes). */
  readonly withNotes?: boolean;
  /** The language of the summary when the session has none set: the UI language. */
  readonly fallbackLanguage: Language;
}

/** A phone in the room as the control window knows it (memory only: never in the file or an export). */
export type RoomMember = RoomParticipantInfo;

/**
 * The phones' server as the control window sees it: off, or on at an address with the QR code's
 * URL (the room secret in its fragment), the typed code, whether new phones may join, and who joined.
 */
export type RoomState =
  | { readonly on: false }
  | {
      readonly on: true;
      readonly address: string;
      /** `http://<address>:<port>`, the address typed by hand. */
      readonly url: string;
      /** `http://<address>:<port>/j#k=<secret>`, the QR code's content. */
      readonly joinUrl: string;
      readonly code: string;
      readonly joining: boolean;
      readonly participants: readonly RoomMember[];
    };

/** A phone's command, handed to the control window to decide (core/room.ts) and apply; answered with `answerRoomCommands`. */
export interface RoomCommandRequest {
  readonly requestId: string;
  readonly participant: { readonly id: string; readonly side: RoomParticipantInfo['side']; readonly authored: readonly CardId[] };
  readonly command: RoomCommand;
}

/** The control window's answer to one `roomCommand`. */
export interface RoomCommandAnswer {
  readonly requestId: string;
  readonly answer: RoomAnswer;
}

/** What the phones see: the public board once for all, and each phone's own part by its id. */
export interface PhoneViews {
  readonly board: PhoneBoard;
  readonly personal: Readonly<Record<string, PhonePersonal>>;
}

/** Everything the UI may ask of the machine. Each verb is one `invoke` over IPC. */
export interface NahtstelleApi {
  getStartupState(): Promise<StartupState>;
  setLanguage(language: Language | null): Promise<void>;
  setTheme(theme: Theme): Promise<void>;
  setTimerSound(on: boolean): Promise<void>;
  setWorkshopPanelExpanded(expanded: boolean): Promise<void>;
  setWindowZoom(zoom: number): Promise<void>;
  /** Lets the facilitator pick a new sessions folder; with `moveSessions`, existing files move along. */
  chooseSessionsFolder(moveSessions: boolean): Promise<Preferences | null>;

  listSessions(): Promise<readonly SessionSummary[]>;
  /**
   * A new session: blank, from the built-in workshop template (its agenda of four blocks), or from
   * an own template (its blocks with new ids); an unknown own template fails with `templateNotFound`.
   */
  createSession(details: Partial<SessionDetails>, template: SessionTemplate): Promise<OpenedSession>;
  /**
   * Opens a session file. A file main did not learn from the facilitator (a dropped file) is opened
   * only once they confirm it in main's own dialog; null when they decline.
   */
  openSession(path: string): Promise<OpenedSession | null>;
  /** Opens the backup kept next to a damaged session file. */
  openBackup(path: string): Promise<OpenedSession>;
  /** Shows the system's open dialog; null when cancelled. */
  openSessionFromDisk(): Promise<OpenedSession | null>;
  /** Leaves the open session (back to the library): it is no longer reopened at start. */
  closeSession(): Promise<void>;
  saveSession(path: string, session: Session): Promise<SessionSaved>;
  /**
   * Saves the open session sent as its changes since a version saveSession (or this) answered:
   * only the changed cards travel (core/session-changes.ts). Null when main no longer holds that
   * version (another session was saved since, or main started anew): send the whole session.
   */
  saveSessionChanges(path: string, changes: SessionChanges): Promise<SessionSaved | null>;
  /** Writes a copy to a path the facilitator picks; null when cancelled. */
  saveSessionAs(session: Session): Promise<string | null>;
  duplicateSession(path: string): Promise<SessionSummary>;
  renameSession(path: string, title: string): Promise<SessionSummary>;
  /** Moves the file to the system's trash. */
  deleteSession(path: string): Promise<void>;
  revealSession(path: string): Promise<void>;

  /** The facilitator's own agenda templates, in the order saved. */
  listTemplates(): Promise<readonly AgendaTemplate[]>;
  /**
   * Saves an agenda under a name; a template of the same name (ignoring case) is replaced. Fails
   * with `templateLimit` when the list is full (core/templates.ts templateLimits).
   */
  saveTemplate(name: string, blocks: readonly TemplateBlock[]): Promise<AgendaTemplate>;
  /** Removes an own template; an unknown id is not an error (it is gone either way). */
  deleteTemplate(id: string): Promise<void>;

  /**
   * Exports the session: asks where to save (the system's save dialog, filtered to the kind's file
   * type), renders and writes the file atomically; the path written, or null when cancelled.
   * `retryPath` writes again to a path this app run's save dialog returned before, without asking
   * (after a failed write: the error carries it as `path`); any other path, or one with another
   * file type's extension, is `notAllowed`.
   * A failed write is a `fileProblem` (diskFull, folderMissing, permissionDenied, saveFailed) and
   * leaves nothing under the chosen name. The handout of a session without an agreed mission is
   * printed all the same, saying that no mission is agreed yet.
   */
  exportSession(session: Session, request: ExportRequest, retryPath: string | null): Promise<string | null>;
  /**
   * Shows an exported file in the system's file manager, selected ("Show in folder"). Only a path
   * `exportSession` wrote in this app run; any other is `notAllowed`, a file gone since is a
   * `fileProblem` (notFound).
   */
  revealExport(path: string): Promise<void>;

  /** Puts the app's (control) window into full screen or back: presentation mode. */
  setFullScreen(on: boolean): Promise<void>;
  /**
   * Opens the audience window (full screen on a second display when one is attached; else a normal
   * window on this one, which moves full screen onto a display connected later) or brings it forward. It shows only what
   * `showAudienceView` last sent.
   */
  openAudienceWindow(): Promise<AudiencePlacement>;
  /** Closes the audience window, if open. Nothing is lost: it only shows a copy. */
  closeAudienceWindow(): Promise<void>;
  /**
   * What the audience window shows from now on (core/audience.ts audienceView: nothing hidden is
   * in it). Sent by the control window on every change; kept for a window opened later.
   */
  showAudienceView(view: AudienceView): Promise<void>;

  /** The machine's IPv4 addresses a phone might reach, best first, and the one to preselect (core/network.ts). */
  listRoomAddresses(): Promise<{ readonly addresses: readonly RoomAddress[]; readonly preselected: string | null }>;
  /**
   * Switches the phones on: the room server listens on `address` (one of `listRoomAddresses`; any
   * other is `notAllowed`). Already on at another address: it moves there, and joined phones
   * must join again. Fails with `roomNotStarted` when the address cannot be bound.
   */
  startRoom(address: string): Promise<RoomState>;
  /** Switches the phones off: everyone out, the port closed. Also when the session closes and when the app quits. */
  stopRoom(): Promise<void>;
  /** Closes joining (joined phones stay and may rejoin) or opens it again. */
  setRoomJoining(open: boolean): Promise<RoomState>;
  /** A new room secret and code: the old QR code and code stop working. */
  newRoomCode(): Promise<RoomState>;
  /** Everyone out and forgotten, a new secret and code; the server keeps listening. */
  endRoom(): Promise<RoomState>;
  /** Puts one phone out; its device token no longer lets it back in. */
  removeRoomParticipant(participantId: string): Promise<RoomState>;
  /**
   * The control window's answers to `roomCommand` events, several at once when phones send in a
   * burst; an unknown or late request id is ignored.
   */
  answerRoomCommands(answers: readonly RoomCommandAnswer[]): Promise<void>;
  /** What the phones show from now on (core/room-view.ts); checked in main like the audience view. */
  showPhoneViews(views: PhoneViews): Promise<void>;
}

/** Where the audience window opened: full screen on another display, or windowed on this one. */
export type AudiencePlacement = 'secondDisplay' | 'sameDisplay';

export type ApiVerb = keyof NahtstelleApi;

export const apiVerbs = [
  'getStartupState',
  'setLanguage',
  'setTheme',
  'setTimerSound',
  'setWorkshopPanelExpanded',
  'setWindowZoom',
  'chooseSessionsFolder',
  'listSessions',
  'createSession',
  'openSession',
  'openBackup',
  'openSessionFromDisk',
  'closeSession',
  'saveSession',
  'saveSessionChanges',
  'saveSessionAs',
  'duplicateSession',
  'renameSession',
  'deleteSession',
  'revealSession',
  'listTemplates',
  'saveTemplate',
  'deleteTemplate',
  'exportSession',
  'revealExport',
  'setFullScreen',
  'openAudienceWindow',
  'closeAudienceWindow',
  'showAudienceView',
  'listRoomAddresses',
  'startRoom',
  'stopRoom',
  'setRoomJoining',
  'newRoomCode',
  'endRoom',
  'removeRoomParticipant',
  'answerRoomCommands',
  'showPhoneViews',
] as const satisfies readonly ApiVerb[];

/** Commands the machine sends the UI, e.g. from the application menu. */
export const appCommands = ['undo', 'redo'] as const;
export type AppCommand = (typeof appCommands)[number];

/** Events main → renderer, by name, with their payload. */
export interface ApiEvents {
  command: AppCommand;
  /** A session file opened from outside: file association, command line, a second start. */
  sessionOpened: OpenedSession;
  /** A session file from outside that could not be opened. */
  openFailed: ApiError;
  /** To the audience window: what to show (sent on every change, and once its page has loaded). */
  audienceView: AudienceView;
  /** To the control window: whether the audience window is open (it may be closed on its own). */
  audienceWindow: { readonly open: boolean };
  /** To the control window: it entered or left full screen, at the app's request or the system's (F11, macOS's green button). */
  fullScreen: { readonly on: boolean };
  /** To the control window: the phones' server changed (someone joined, left, submitted; on, off). */
  roomState: RoomState;
  /** To the control window: a phone's command to decide and apply; answer with `answerRoomCommands`. */
  roomCommand: RoomCommandRequest;
}

export type ApiEvent = keyof ApiEvents;
export const apiEvents = [
  'command',
  'sessionOpened',
  'openFailed',
  'audienceView',
  'audienceWindow',
  'fullScreen',
  'roomState',
  'roomCommand',
] as const satisfies readonly ApiEvent[];

/** What the preload exposes as `window.nahtstelle`. */
export interface NahtstelleBridge extends NahtstelleApi {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /**
   * The path of a file dropped onto the window (a DOM `File`), or '' where there is none — the
   * web test host's browser does not reveal paths. Local to the preload: no call to main.
   */
  pathForFile(file: unknown): string;
}

/** Why a call failed, as a code the UI translates. */
export const apiErrorCodes = [
  'unknownVerb',
  'invalidArguments',
  'forbiddenSender',
  'notAllowed',
  'fileProblem',
  /** createSession from an own template that no longer exists (deleted meanwhile). */
  'templateNotFound',
  /** saveTemplate with a new name while the list of own templates is full. */
  'templateLimit',
  /** startRoom: the address is gone (network changed) or its port could not be opened. */
  'roomNotStarted',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiError {
  readonly code: ApiErrorCode;
  /** A developer-facing detail (which argument was wrong); never shown without translation. */
  readonly detail: string;
  /** For `fileProblem`: what is wrong with the file or the save. */
  readonly reason?: FileProblemCode;
  /** For `fileProblem`: the file's name, shown to the facilitator. */
  readonly file?: string;
  /** For `fileProblem` on open: a backup of the file exists and can be opened instead. */
  readonly backupAvailable?: boolean;
  /**
   * For a failed `exportSession` after the save dialog: the full path it was to be written to, to
   * pass as `retryPath` ("Try again" writes there without asking again).
   */
  readonly path?: string;
}

/** Calls travel as envelopes so errors keep their code across IPC and HTTP alike. */
export type ApiResult<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function invokeChannel(verb: ApiVerb): string {
  return `nahtstelle:invoke:${verb}`;
}

export function eventChannel(event: ApiEvent): string {
  return `nahtstelle:event:${event}`;
}

export function isApiVerb(value: unknown): value is ApiVerb {
  return typeof value === 'string' && (apiVerbs as readonly string[]).includes(value);
}

// Compile-time check: every verb of the interface is listed in apiVerbs, and every event in apiEvents.
type Unlisted<All, Listed> = Exclude<All, Listed> extends never ? true : never;
export const everyVerbListed: Unlisted<ApiVerb, (typeof apiVerbs)[number]> = true;
export const everyEventListed: Unlisted<ApiEvent, (typeof apiEvents)[number]> = true;

/**
 * Recovers the error of a failed call. Errors lose their class when they cross Electron's context
 * bridge and keep only their message, so the bridge puts the error there as JSON.
 */
export function apiErrorMessage(error: ApiError): string {
  return JSON.stringify(error);
}

/** An ApiError from a plain object (an event payload, a parsed message), checked field by field. */
export function asApiError(value: unknown): ApiError | undefined {
  if (typeof value !== 'object' || value === null || !('code' in value) || !('detail' in value)) return undefined;
  const code = apiErrorCodes.find((c) => c === value.code);
  if (!code || typeof value.detail !== 'string') return undefined;
  const reason = 'reason' in value ? fileProblemCodes.find((r) => r === value.reason) : undefined;
  const file = 'file' in value && typeof value.file === 'string' ? value.file : undefined;
  const backupAvailable = 'backupAvailable' in value && value.backupAvailable === true;
  const path = 'path' in value && typeof value.path === 'string' ? value.path : undefined;
  return {
    code,
    detail: value.detail,
    ...(reason && { reason }),
    ...(file !== undefined && { file }),
    ...(backupAvailable && { backupAvailable }),
    ...(path !== undefined && { path }),
  };
}

/** The ApiError a failed call rejected with, read back from the JSON in its message. */
export function apiErrorOf(error: unknown): ApiError | undefined {
  const message = error instanceof Error ? error.message : '';
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    return asApiError(JSON.parse(message.slice(start)));
  } catch {
    return undefined;
  }
}

const fileProblemCodes: readonly FileProblemCode[] = [...openProblemCodes, ...saveProblemCodes, ...sessionSaveProblemCodes];

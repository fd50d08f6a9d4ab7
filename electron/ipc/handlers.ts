/**
 * The handler table: one function per API verb, shared by Electron's IPC and the web test host.
 * docs/ARCHITECTURE.md, "The API across the process boundary".
 */
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, resolve, win32 } from 'node:path';
import { apiArgs } from '../../core/api-schemas';
import {
  asApiError,
  isApiVerb,
  type ApiError,
  type ApiResult,
  type ApiVerb,
  type AudiencePlacement,
  type ExportKind,
  type NahtstelleApi,
  type OpenedSession,
  type SessionSaved,
  type SessionTemplate,
  type StartupState,
} from '../../core/api';
import { workshopAgenda, type AgendaBlock } from '../../core/agenda';
import type { AudienceView } from '../../core/audience';
import { agendaFromTemplate, deleteTemplate, saveTemplate, templateLimits } from '../../core/templates';
import { createSession, type Session } from '../../core/model';
import { savedSessionOfChanges } from '../../core/session-save-check';
import { hasSessionFileExtension, sessionFileExtension, summarizeSession } from '../../core/session-file';
import { findIntegrityProblem } from '../../core/session-schema';
import { exportExtension, renderExport, suggestedExportName } from '../export/export-session';
import type { Printer } from '../export/print-page';
import { writeFileAtomically } from '../services/atomic-file';
import type { PreferencesStore } from '../services/preferences';
import type { RoomService } from '../services/room';
import type { SessionFiles } from '../services/session-files';

/** The system's file dialogs; each resolves to null when the facilitator cancels. */
export interface Dialogs {
  chooseSessionFile(): Promise<string | null>;
  chooseSaveAsPath(suggestedName: string): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  /** Where to write an export: a save dialog filtered to the kind's file type. */
  chooseExportPath(kind: ExportKind, suggestedName: string): Promise<string | null>;
  /**
   * Whether the facilitator wants to open (and so let the app change) a file the page names but
   * main never learned from the user — a file dropped on the window. Main asks, showing the path.
   */
  confirmOpenFile(path: string): Promise<boolean>;
}

/**
 * The audience window on the projector (electron/audience-window.ts; the web test host has its own).
 * Views reach it already checked by `audienceViewSchema`: nothing hidden is in them.
 */
export interface AudienceScreen {
  /** Opens it (on another display when there is one) or brings it forward; where it is. */
  open(): AudiencePlacement;
  /** Closes it if open; the control window hears `audienceWindow` {open: false}. */
  close(): void;
  /** What it shows from now on; kept for a window opened or reloaded later. */
  show(view: AudienceView): void;
}

export interface MainServices {
  readonly preferences: PreferencesStore;
  readonly sessionFiles: SessionFiles;
  readonly systemLocale: () => string;
  /** A new random id (sessions, agenda blocks, templates). */
  readonly newSessionId: () => string;
  readonly dialogs: Dialogs;
  /** Shows the file in the system's file manager. */
  readonly reveal: (path: string) => void;
  /** Prints HTML to PDF and PNG for the exports (Chromium). */
  readonly printer: Printer;
  readonly audience: AudienceScreen;
  /** Puts the app's (control) window into full screen or back. */
  readonly fullScreen: (on: boolean) => void;
  /** The phones' server (electron/services/room.ts). */
  readonly room: RoomService;
}

export type ApiHandlers = NahtstelleApi;

/** The handler table plus what only main itself may call (never reachable over IPC). */
export interface MainHandlers extends ApiHandlers {
  /** Opens a file the operating system handed over (double-click, open-file, second start, argv): the user chose it. */
  openChosenSession(path: string): Promise<OpenedSession>;
  /**
   * The startup state for the control page being served now: its first frame is rendered from it,
   * and the page's getStartupState takes this one rather than reading anew (docs/ARCHITECTURE.md,
   * "The first frame").
   */
  prepareStartupState(): Promise<StartupState>;
  /** Whether `startup` is still the prepared state the next getStartupState takes (no other call came since). */
  isStillPrepared(startup: Promise<StartupState>): boolean;
}

/** A refused or failed call that carries its error for the UI. */
export class ApiException extends Error {
  constructor(readonly apiError: ApiError) {
    super(`${apiError.code}: ${apiError.detail}`);
    this.name = 'ApiException';
  }
}

export function createHandlers(services: MainServices): MainHandlers {
  const { preferences, sessionFiles } = services;
  /**
   * Granted paths: files main learned from the user — its own dialogs, the operating system,
   * the sessions folder's listing, files it created, a dropped file the facilitator confirmed in
   * main's dialog. Only these may be opened, saved, renamed, deleted or shown (docs/security.md).
   */
  const grantedFiles = new Set<string>();
  /** Paths the export save dialog returned in this run: the only ones an export may write without asking. */
  const exportPaths = new Set<string>();
  /** Files an export wrote in this run: the only ones "Show in folder" may show. */
  const exportedFiles = new Set<string>();

  const grant = (path: string): string => {
    grantedFiles.add(resolve(path));
    return path;
  };

  /** A session file path in a form main accepts at all: absolute, `.nahtstelle`, no UNC or device path. */
  const sessionPath = (path: string): string => {
    if (!isAbsolute(path) || !hasSessionFileExtension(path) || isRemoteOrDevicePath(path)) {
      throw new ApiException({ code: 'notAllowed', detail: `Not a session file path: ${path}` });
    }
    return path;
  };
  /**
   * Whether the user chose this file: granted in this run, in the sessions folder they chose, or
   * one main itself remembered from an earlier run (the last session, the recent files).
   */
  const isGranted = (path: string): boolean => {
    const full = resolve(path);
    if (grantedFiles.has(full) || dirname(full) === resolve(preferences.sessionsFolder)) return true;
    return [preferences.lastSession, ...preferences.recentFiles].some((remembered) => remembered !== null && resolve(remembered) === full);
  };
  /** The path, if the user chose it; else the call is refused before anything touches the disk. */
  const granted = (path: string): string => {
    if (!isGranted(sessionPath(path))) {
      throw new ApiException({ code: 'notAllowed', detail: `This file was not chosen in the app: ${path}` });
    }
    return path;
  };

  /** A new session's agenda: none, the built-in template's, or an own template's with new ids. */
  const agendaFor = (template: SessionTemplate): AgendaBlock[] => {
    if (template === 'blank') return [];
    if (template === 'workshop') return workshopAgenda(services.newSessionId);
    const own = preferences.templates.find((candidate) => candidate.id === template.id);
    if (!own) throw new ApiException({ code: 'templateNotFound', detail: `No own template with id ${template.id}` });
    return agendaFromTemplate(own.blocks, services.newSessionId);
  };

  /**
   * The version of the open session main read or saved last: what saveSessionChanges starts from.
   * One at a time: the app window has one session open.
   */
  let lastVersion: { readonly path: string; readonly revision: string; readonly session: Session } | null = null;
  const holdVersion = (path: string, session: Session): string => {
    const revision = randomUUID();
    lastVersion = { path: resolve(path), revision, session };
    return revision;
  };

  /** The session now open: reopened at the next start, listed among the recent files. */
  const opened = (session: OpenedSession): OpenedSession => {
    grant(session.path);
    preferences.setLastSession(session.path);
    preferences.addRecentFile(session.path);
    return { ...session, revision: holdVersion(session.path, session.session) };
  };

  /**
   * The last session, read as main starts rather than when the window asks for it: the file is read
   * while the window loads (docs/performance.md, "Issue #18"). Its failure is reported when asked.
   */
  const readLastSession = (): { readonly path: string; readonly reading: Promise<OpenedSession> } | null => {
    const path = preferences.lastSession;
    if (!path) return null;
    const reading = Promise.resolve().then(() => sessionFiles.read(sessionPath(path)));
    reading.catch(() => undefined);
    return { path, reading };
  };
  let lastSessionRead = readLastSession();

  const saveVersion = async (path: string, session: Session): Promise<SessionSaved> => {
    const saved = await sessionFiles.write(path, session);
    return { ...saved, revision: holdVersion(path, session) };
  };

  /** What the control page starts with: its session reopened (granted, a version held), or why it could not be. */
  const startupState = async (): Promise<StartupState> => {
    const last = preferences.lastSession;
    // Read once ahead, for the first window; a reload reads the file afresh.
    const early = lastSessionRead?.path === last ? lastSessionRead : null;
    lastSessionRead = null;
    let session: OpenedSession | null = null;
    let problem: ApiError | null = null;
    if (last) {
      try {
        session = opened(await (early?.reading ?? sessionFiles.read(sessionPath(last))));
      } catch (error) {
        problem = carriedApiError(error);
        preferences.setLastSession(null);
      }
    }
    const preferencesProblem = preferences.takeProblem();
    return {
      systemLocale: services.systemLocale(),
      preferences: preferences.all,
      session,
      problem,
      preferencesProblem: preferencesProblem && {
        kind: preferencesProblem.kind,
        keptAs: preferencesProblem.kind === 'damaged' ? basename(preferencesProblem.keptAs) : '',
      },
    };
  };
  /** Prepared for the page main is serving, until that page asks for it. */
  let preparedStartup: Promise<StartupState> | null = null;

  const table: MainHandlers = {
    prepareStartupState() {
      preparedStartup = startupState();
      // A failure is the page's to report, when it asks (getStartupState).
      preparedStartup.catch(() => undefined);
      return preparedStartup;
    },
    isStillPrepared(startup) {
      return startup === preparedStartup;
    },
    getStartupState() {
      const prepared = preparedStartup;
      preparedStartup = null;
      return prepared ?? startupState();
    },
    async setLanguage(language) {
      preferences.setLanguage(language);
    },
    async setTheme(theme) {
      preferences.setTheme(theme);
    },
    async setTimerSound(on) {
      preferences.setTimerSound(on);
    },
    async setWorkshopPanelExpanded(expanded) {
      preferences.setWorkshopPanelExpanded(expanded);
    },
    async setWindowZoom(zoom) {
      preferences.setWindowZoom(zoom);
    },
    async chooseSessionsFolder(moveSessions) {
      const folder = await services.dialogs.chooseFolder();
      if (folder === null) return null;
      if (moveSessions) await sessionFiles.moveAll(preferences.sessionsFolder, folder);
      preferences.setSessionsFolder(folder);
      return preferences.all;
    },
    async listSessions() {
      const sessions = await sessionFiles.list();
      for (const summary of sessions) grant(summary.path);
      return sessions;
    },
    async createSession(details, template) {
      const agenda = agendaFor(template);
      const session = createSession(services.newSessionId(), details, agenda);
      // Never write a file the app would then refuse to open (e.g. two participants with one id).
      const problem = findIntegrityProblem(session);
      if (problem) throw new ApiException({ code: 'invalidArguments', detail: `createSession: ${problem.detail}` });
      return opened(await sessionFiles.create(session));
    },
    async openSession(path) {
      // A path the user never chose in main (a dropped file) is opened only once they confirm it
      // there. Declining is their answer, not a failure: nothing opens, nothing is granted.
      if (!isGranted(sessionPath(path)) && !(await services.dialogs.confirmOpenFile(path))) return null;
      return opened(await sessionFiles.read(path));
    },
    async openChosenSession(path) {
      return opened(await sessionFiles.read(sessionPath(path)));
    },
    async openBackup(path) {
      return opened(await sessionFiles.readBackup(granted(path)));
    },
    async openSessionFromDisk() {
      const path = await services.dialogs.chooseSessionFile();
      return path === null ? null : opened(await sessionFiles.read(sessionPath(path)));
    },
    async closeSession() {
      preferences.setLastSession(null);
      // The phones belong to the session: they go with it.
      await services.room.stop();
    },
    async saveSession(path, session) {
      return saveVersion(granted(path), session);
    },
    async saveSessionChanges(path, changes) {
      granted(path);
      const base = lastVersion;
      if (base?.path !== resolve(path) || base.revision !== changes.base) return null;
      // The whole session the changes give passes what saveSession's argument passes.
      const merged = savedSessionOfChanges(base.session, changes);
      if (!merged.success) throw new ApiException({ code: 'invalidArguments', detail: `saveSessionChanges: ${issuesDetail(merged.issues)}` });
      return saveVersion(path, merged.data);
    },
    async saveSessionAs(session) {
      const title = summarizeSession(session).title;
      const path = await services.dialogs.chooseSaveAsPath(`${title || 'Nahtstelle'}${sessionFileExtension}`);
      if (path === null) return null;
      const target = hasSessionFileExtension(path) ? path : `${path}${sessionFileExtension}`;
      await sessionFiles.writeCopy(target, session);
      preferences.addRecentFile(target);
      return grant(target);
    },
    async duplicateSession(path) {
      const copy = await sessionFiles.duplicate(granted(path));
      grant(copy.path);
      return copy;
    },
    async renameSession(path, title) {
      const renamed = await sessionFiles.rename(granted(path), title);
      grant(renamed.path);
      if (preferences.lastSession === path) preferences.setLastSession(renamed.path);
      if (preferences.recentFiles.includes(path)) {
        preferences.forgetRecentFile(path);
        preferences.addRecentFile(renamed.path);
      }
      return renamed;
    },
    async deleteSession(path) {
      await sessionFiles.remove(granted(path));
      grantedFiles.delete(resolve(path));
      preferences.forgetRecentFile(path);
      if (preferences.lastSession === path) preferences.setLastSession(null);
    },
    async revealSession(path) {
      services.reveal(granted(path));
    },
    async listTemplates() {
      return preferences.templates;
    },
    async saveTemplate(name, blocks) {
      const result = saveTemplate(preferences.templates, name, blocks, services.newSessionId);
      if (!result.ok) {
        // The schema already refuses a blank name and no blocks; only a full list gets here.
        const detail = result.problem === 'tooMany' ? `At most ${templateLimits.templates} own templates` : `Template not saved: ${result.problem}`;
        throw new ApiException({ code: result.problem === 'tooMany' ? 'templateLimit' : 'invalidArguments', detail });
      }
      preferences.setTemplates(result.templates);
      return result.template;
    },
    async deleteTemplate(id) {
      const templates = preferences.templates;
      const remaining = deleteTemplate(templates, id);
      if (remaining !== templates) preferences.setTemplates(remaining);
    },
    async exportSession(session, request, retryPath) {
      const extension = exportExtension(request.kind);
      let target: string;
      if (retryPath === null) {
        const chosen = await services.dialogs.chooseExportPath(request.kind, suggestedExportName(session, request));
        if (chosen === null) return null;
        // A save dialog answers with an absolute path; anything else would land in the working folder.
        if (!isAbsolute(chosen)) throw new ApiException({ code: 'notAllowed', detail: `The save dialog returned a relative path: ${chosen}` });
        target = extname(chosen).toLowerCase() === extension ? chosen : `${chosen}${extension}`;
        exportPaths.add(resolve(target));
      } else {
        if (!isAbsolute(retryPath) || !exportPaths.has(resolve(retryPath))) {
          throw new ApiException({ code: 'notAllowed', detail: `This path was not chosen in the export dialog: ${retryPath}` });
        }
        // A retry writes the same kind of file: never Word bytes under a name ending in .pdf.
        if (extname(retryPath).toLowerCase() !== extension) {
          throw new ApiException({ code: 'notAllowed', detail: `A ${request.kind} export does not belong in ${retryPath}` });
        }
        target = retryPath;
      }
      try {
        await writeFileAtomically(target, await renderExport(session, request, services.printer));
      } catch (error) {
        // With the path, so that "Try again" can write there without asking again.
        throw new ApiException({ ...carriedApiError(error), path: target });
      }
      exportedFiles.add(resolve(target));
      return target;
    },
    async revealExport(path) {
      // The page names a path; main shows it only if it wrote it itself, so the page cannot make the
      // file manager show (or the shell act on) anything else.
      if (!isAbsolute(path) || !exportedFiles.has(resolve(path))) {
        throw new ApiException({ code: 'notAllowed', detail: `This file was not exported in this run: ${path}` });
      }
      const present = await stat(path).then(
        (found) => found.isFile(),
        () => false,
      );
      if (!present)
        throw new ApiException({ code: 'fileProblem', reason: 'notFound', file: basename(path), detail: `revealExport: ${path} is gone` });
      services.reveal(path);
    },
    async setFullScreen(on) {
      services.fullScreen(on);
    },
    async openAudienceWindow() {
      return services.audience.open();
    },
    async closeAudienceWindow() {
      services.audience.close();
    },
    async showAudienceView(view) {
      services.audience.show(view);
    },

    async listRoomAddresses() {
      const { addresses, preselected } = services.room.addresses();
      return { addresses, preselected: preselected?.address ?? null };
    },
    async startRoom(address) {
      // Only an address of this machine's own adapters, as listed: never one the page made up.
      if (!services.room.addresses().addresses.some((listed) => listed.address === address)) {
        throw new ApiException({ code: 'notAllowed', detail: `startRoom: ${address} is not one of this machine's addresses` });
      }
      try {
        return await services.room.start(address);
      } catch (error) {
        throw new ApiException({ code: 'roomNotStarted', detail: `startRoom on ${address}: ${String(error)}` });
      }
    },
    async stopRoom() {
      await services.room.stop();
    },
    async setRoomJoining(open) {
      return services.room.setJoining(open);
    },
    async newRoomCode() {
      return services.room.newCode();
    },
    async endRoom() {
      return services.room.end();
    },
    async removeRoomParticipant(participantId) {
      return services.room.remove(participantId);
    },
    async answerRoomCommands(answers) {
      for (const { requestId, answer } of answers) services.room.answer(requestId, answer);
    },
    async showPhoneViews(views) {
      services.room.showViews(views);
    },
  };
  return withPreparedStartupFirst(table, () => (preparedStartup = null));
}

/**
 * A prepared startup state is for the first call of the page served with it, getStartupState (the
 * page's entry asks before anything else). Any other call — when it starts and when it ends, since
 * a file opened from outside changes the last session only once it has been read — means the state
 * may no longer be what the page would start with: it is dropped and read anew when asked.
 */
function withPreparedStartupFirst(table: MainHandlers, forget: () => void): MainHandlers {
  const keep = new Set<string>(['getStartupState', 'prepareStartupState', 'isStillPrepared']);
  const wrapped: Record<string, unknown> = { ...table };
  for (const [verb, call] of Object.entries(table) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    if (keep.has(verb)) continue;
    wrapped[verb] = (...args: unknown[]) => {
      forget();
      return call(...args).finally(forget);
    };
  }
  return wrapped as unknown as MainHandlers;
}

/**
 * A UNC path (`\\\\server\\share`, `//server/share`: opening or showing one makes Windows sign in to
 * that server with the user's NTLM hash) or a device path (`\\\\?\\…`, `\\\\.\\…`, CON, NUL, COM1…).
 * Checked with Windows' rules on every platform: the page's path is never trusted to be local.
 */
export function isRemoteOrDevicePath(path: string): boolean {
  if (/^[\\/]{2}/.test(path)) return true;
  const name = win32.basename(path).split('.')[0]?.trim().toUpperCase() ?? '';
  return /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/.test(name);
}

/**
 * Validates a call from the UI and runs its handler. Never throws: every failure comes back as
 * an error envelope with a code the UI can translate.
 */
export async function dispatchCall(handlers: ApiHandlers, verb: unknown, args: unknown): Promise<ApiResult> {
  if (!isApiVerb(verb)) {
    return { ok: false, error: { code: 'unknownVerb', detail: `Unknown API verb: ${String(verb)}` } };
  }
  const parsed = apiArgs[verb].safeParse(args);
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalidArguments', detail: `${verb}: ${issuesDetail(parsed.error.issues)}` } };
  }
  try {
    const value = await callHandler(handlers, verb, parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: carriedApiError(error) };
  }
}

function issuesDetail(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'arguments'}: ${issue.message}`).join('; ');
}

/** The error a failure carries for the UI, or `internal` with the message for anything unexpected. */
function carriedApiError(error: unknown): ApiError {
  const carried = error instanceof Error && 'apiError' in error ? asApiError(error.apiError) : undefined;
  return carried ?? { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}

function callHandler(handlers: ApiHandlers, verb: ApiVerb, args: readonly unknown[]): Promise<unknown> {
  const handler = handlers[verb] as (...callArgs: readonly unknown[]) => Promise<unknown>;
  return handler(...args);
}

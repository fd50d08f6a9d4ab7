/**
 * The one contract between the UI (renderer) and the machine (Electron main, or the web test host).
 * Every verb and event is declared here; channel names are derived here and nowhere else.
 */
import type { Session } from './model';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

export interface StartupState {
  /** The operating system's locale, e.g. "de-DE"; the UI follows it unless a language was chosen. */
  readonly systemLocale: string;
  /** The language the facilitator chose in the UI, or null to follow the system. */
  readonly language: Language | null;
  /** The board the app opens with. */
  readonly session: Session;
}

/** Everything the UI may ask of the machine. Each verb is one `invoke` over IPC. */
export interface NahtstelleApi {
  getStartupState(): Promise<StartupState>;
  setLanguage(language: Language | null): Promise<void>;
}

export type ApiVerb = keyof NahtstelleApi;

export const apiVerbs = ['getStartupState', 'setLanguage'] as const satisfies readonly ApiVerb[];

/** Commands the machine sends the UI, e.g. from the application menu. */
export const appCommands = ['undo', 'redo'] as const;
export type AppCommand = (typeof appCommands)[number];

/** Events main → renderer, by name, with their payload. */
export interface ApiEvents {
  command: AppCommand;
}

export type ApiEvent = keyof ApiEvents;
export const apiEvents = ['command'] as const satisfies readonly ApiEvent[];

/** What the preload exposes as `window.nahtstelle`. */
export interface NahtstelleBridge extends NahtstelleApi {
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/** Why a call failed, as a code the UI translates. */
export const apiErrorCodes = ['unknownVerb', 'invalidArguments', 'forbiddenSender', 'internal'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export interface ApiError {
  readonly code: ApiErrorCode;
  /** A developer-facing detail (which argument was wrong); never shown without translation. */
  readonly detail: string;
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
  return JSON.stringify({ code: error.code, detail: error.detail });
}

export function apiErrorOf(error: unknown): ApiError | undefined {
  const message = error instanceof Error ? error.message : '';
  const start = message.indexOf('{');
  if (start < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(message.slice(start));
    if (typeof parsed !== 'object' || parsed === null || !('code' in parsed) || !('detail' in parsed)) return undefined;
    const code = apiErrorCodes.find((c) => c === parsed.code);
    return code && typeof parsed.detail === 'string' ? { code, detail: parsed.detail } : undefined;
  } catch {
    return undefined;
  }
}

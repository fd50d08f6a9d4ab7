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

/** Thrown in the UI when a call comes back with an error envelope. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.detail}`);
    this.name = 'ApiFailure';
  }
}

export function unwrapResult<T>(result: ApiResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

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

/**
 * The handler table: one function per API verb, shared by Electron's IPC and the web test host.
 * No `electron` import here, so the same code runs under plain Node in tests.
 */
import { apiArgs } from '../../core/api-schemas';
import { isApiVerb, type ApiResult, type ApiVerb, type NahtstelleApi } from '../../core/api';
import type { Session } from '../../core/model';
import type { Preferences } from '../services/preferences';

export interface MainServices {
  readonly preferences: Preferences;
  readonly systemLocale: () => string;
  /** The board a new window opens with. */
  readonly startupSession: () => Session;
}

export type ApiHandlers = NahtstelleApi;

export function createHandlers(services: MainServices): ApiHandlers {
  return {
    async getStartupState() {
      return {
        systemLocale: services.systemLocale(),
        language: services.preferences.language,
        session: services.startupSession(),
      };
    },
    async setLanguage(language) {
      services.preferences.setLanguage(language);
    },
  };
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
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
    return { ok: false, error: { code: 'invalidArguments', detail: `${verb}: ${detail}` } };
  }
  try {
    const value = await callHandler(handlers, verb, parsed.data);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: { code: 'internal', detail: error instanceof Error ? error.message : String(error) } };
  }
}

function callHandler(handlers: ApiHandlers, verb: ApiVerb, args: readonly unknown[]): Promise<unknown> {
  const handler = handlers[verb] as (...callArgs: readonly unknown[]) => Promise<unknown>;
  return handler(...args);
}

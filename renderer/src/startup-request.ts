/** The control window's first call to main, made as the page starts. docs/performance.md, "Issue #18". */
import type { StartupState } from '../../core/api';
import { api } from './api';

let request: Promise<StartupState> | null = null;

/**
 * The startup state, asked for once (never by the audience window: main refuses its calls). A
 * failure is reported where the state is awaited (main.tsx), not as an unhandled rejection in between.
 */
export function startupRequest(): Promise<StartupState> {
  if (!request) {
    request = api.getStartupState();
    request.catch(() => undefined);
  }
  return request;
}

/** Typed events main → renderer: the payload must match the event named in core/api.ts. */
import type { WebContents } from 'electron';
import { eventChannel, type ApiEvent, type ApiEvents } from '../../core/api';

export function sendEvent<E extends ApiEvent>(contents: WebContents, event: E, payload: ApiEvents[E]): void {
  contents.send(eventChannel(event), payload);
}

/** Sends the audience window what the room may see, one call per task. docs/ARCHITECTURE.md, "The audience window". */
import { useEffect } from 'react';
import i18next from 'i18next';
import { audienceView, type AudienceTheme, type AudienceView, type RoomJoinInfo } from '../../../core/audience';
import { shownBoardView } from '../../../core/block-view';
import type { Session } from '../../../core/model';
import { api } from '../api';
import { usePresentation } from '../store/presentation-store';
import { useAudienceWindow } from './audience-window';
import { useApp } from '../store/app-store';
import { useBoard } from '../store/board-store';
import { roomJoinInfo, useRoom } from '../store/room-store';

/** Called in the board screen: publishes while the audience window is open. */
export function useAudiencePublisher(): void {
  const open = useAudienceWindow((s) => s.open);
  useEffect(() => (open ? publishAudienceView((view) => api.showAudienceView(view)) : undefined), [open]);
}

/** Everything a view is made of; a view is sent only when one of them changed. */
interface ViewInputs {
  readonly session: Session;
  readonly spotlightCardId: string | null;
  readonly zoom: AudienceView['zoom'];
  readonly topicsAsked: boolean;
  readonly scrolledTo: AudienceView['scrolledTo'];
  readonly language: AudienceView['language'];
  readonly theme: AudienceTheme;
  readonly join: RoomJoinInfo | undefined;
}

function currentInputs(): ViewInputs {
  const { spotlightCardId, zoom, topicsAsked, scrolledTo } = usePresentation.getState();
  return {
    session: useBoard.getState().history.present,
    spotlightCardId,
    zoom,
    topicsAsked,
    scrolledTo,
    language: i18next.language === 'de' ? 'de' : 'en',
    theme: useApp.getState().shownTheme,
    join: roomJoinInfo(useRoom.getState()),
  };
}

const sameInputs = (a: ViewInputs, b: ViewInputs): boolean =>
  a.session === b.session &&
  a.spotlightCardId === b.spotlightCardId &&
  a.zoom === b.zoom &&
  a.topicsAsked === b.topicsAsked &&
  a.scrolledTo === b.scrolledTo &&
  a.language === b.language &&
  a.theme === b.theme &&
  sameJoin(a.join, b.join);

const sameJoin = (a: RoomJoinInfo | undefined, b: RoomJoinInfo | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.joinUrl === b.joinUrl && a.url === b.url && a.code === b.code && a.joined === b.joined);

/**
 * Sends the current view now and after every change until the returned function is called.
 * Failures are shown as the board's problem notice; the next change tries again.
 */
export function publishAudienceView(send: (view: AudienceView) => Promise<void>): () => void {
  let stopped = false;
  let scheduled = false;
  let sending = false;
  let sent: ViewInputs | null = null;

  const publish = async (): Promise<void> => {
    scheduled = false;
    if (stopped || sending) return;
    const inputs = currentInputs();
    if (sent && sameInputs(sent, inputs)) return;
    sending = true;
    sent = inputs;
    try {
      const { join, ...rest } = inputs;
      await send(audienceView(inputs.session, { ...rest, ...(join && { join }), boardView: shownBoardView(inputs.session, inputs.topicsAsked) }));
    } catch (error) {
      sent = null;
      if (!stopped) useBoard.getState().reportProblem(error);
    } finally {
      sending = false;
    }
    // What changed while the call was under way.
    if (sent && !sameInputs(sent, currentInputs())) schedule();
  };
  const schedule = (): void => {
    if (scheduled || stopped) return;
    scheduled = true;
    queueMicrotask(() => void publish());
  };

  const unsubscribe = [
    useBoard.subscribe((state, previous) => {
      if (state.history.present !== previous.history.present) schedule();
    }),
    usePresentation.subscribe((state, previous) => {
      if (
        state.spotlightCardId !== previous.spotlightCardId ||
        state.zoom !== previous.zoom ||
        state.topicsAsked !== previous.topicsAsked ||
        state.scrolledTo !== previous.scrolledTo
      )
        schedule();
    }),
    // applyTheme keeps shownTheme current, also when "Like the system" follows a change of the OS.
    useApp.subscribe((state, previous) => {
      if (state.shownTheme !== previous.shownTheme) schedule();
    }),
    // The join code shows on the projector while the phones are on, joining is open and the facilitator shows it.
    useRoom.subscribe(schedule),
  ];
  i18next.on('languageChanged', schedule);
  schedule();

  return () => {
    stopped = true;
    for (const stop of unsubscribe) stop();
    i18next.off('languageChanged', schedule);
  };
}

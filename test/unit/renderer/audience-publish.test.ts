import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AudienceView } from '../../../core/audience';
import { createSession } from '../../../core/model';
import { addCard } from '../../../core/operations';

// The renderer reads the bridge and the system's colour settings when loaded; node has neither.
vi.hoisted(() => {
  const query = { matches: false, addEventListener: () => undefined, removeEventListener: () => undefined };
  Object.assign(globalThis, { window: { nahtstelle: {} }, matchMedia: () => query });
});

const { publishAudienceView } = await import('../../../renderer/src/audience/publish');
const { usePresentation } = await import('../../../renderer/src/store/presentation-store');
const { useBoard } = await import('../../../renderer/src/store/board-store');
const { useRoom } = await import('../../../renderer/src/store/room-store');

/** Lets the queued microtasks and settled calls run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

beforeEach(() => {
  let session = createSession('s', { title: 'Kick-off' });
  session = addCard(session, 'topic', 'marketing', 'Trade fair');
  session = addCard(session, 'hidden', 'sales', 'Marketing paints pretty pictures', undefined, 'caricature');
  useBoard.getState().open({ path: '/sessions/s.nahtstelle', session, savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
  usePresentation.getState().reset();
  useBoard.getState().dismissProblem();
});

function recorder() {
  const views: AudienceView[] = [];
  const send = vi.fn(async (view: AudienceView) => {
    views.push(view);
  });
  return { views, send };
}

describe('publishing the audience view', () => {
  it('sends the board at once, without the hidden caricature, then one call for changes made together', async () => {
    const { views, send } = recorder();
    stop = publishAudienceView(send);
    await settle();
    expect(send).toHaveBeenCalledOnce();
    expect(Object.keys(views[0]?.session.cards ?? {})).toEqual(['topic']);

    useBoard.getState().dispatch({ type: 'addCard', cardId: 'new', laneId: 'seam', title: 'Handover' });
    useBoard.getState().dispatch({ type: 'moveCard', cardId: 'topic', toLaneId: 'seam', toIndex: 0, at: '2027-03-04T09:30:00.000Z' });
    usePresentation.getState().setSpotlight('topic');
    usePresentation.getState().setZoom('fit');
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(views[1]).toMatchObject({ spotlightCardId: 'topic', zoom: 'fit', session: { lanes: { seam: { cardIds: ['topic', 'new'] } } } });
  });

  it('has one call under way at a time; what changed meanwhile follows as one call with the newest state', async () => {
    let finish: () => void = () => undefined;
    const views: AudienceView[] = [];
    const send = vi.fn(
      (view: AudienceView) =>
        new Promise<void>((resolve) => {
          views.push(view);
          finish = resolve;
        }),
    );
    stop = publishAudienceView(send);
    await settle();
    useBoard.getState().dispatch({ type: 'editCardTitle', cardId: 'topic', title: 'Trade fair 2027' });
    await settle();
    useBoard.getState().dispatch({ type: 'editCardTitle', cardId: 'topic', title: 'Trade fair 2028' });
    await settle();
    expect(send).toHaveBeenCalledOnce();

    finish();
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
    expect(views[1]?.session.cards.topic?.title).toBe('Trade fair 2028');
  });

  it('sends nothing for what the room does not see change, and nothing once stopped', async () => {
    const { send } = recorder();
    stop = publishAudienceView(send);
    await settle();
    useBoard.getState().setComposer('marketing');
    usePresentation.getState().setCheatSheetOpen(true);
    await settle();
    expect(send).toHaveBeenCalledOnce();

    stop();
    useBoard.getState().dispatch({ type: 'editCardTitle', cardId: 'topic', title: 'After' });
    await settle();
    expect(send).toHaveBeenCalledOnce();
  });

  it('shows a failed call as the board’s problem, and tries again with the next change', async () => {
    const failure = new Error('{"code":"invalidArguments","detail":"showAudienceView: 0: nope"}');
    const send = vi.fn<(view: AudienceView) => Promise<void>>().mockRejectedValueOnce(failure).mockResolvedValue(undefined);
    stop = publishAudienceView(send);
    await settle();
    expect(useBoard.getState().problem).toEqual({ kind: 'error', error: failure });
    useBoard.getState().dispatch({ type: 'editCardTitle', cardId: 'topic', title: 'Again' });
    await settle();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('shows how phones join while they are on, joining is open and the facilitator shows it; re-sent when the count changes', async () => {
    const { views, send } = recorder();
    useRoom.getState().reset();
    stop = publishAudienceView(send);
    await settle();
    expect(views.at(-1)?.join).toBeUndefined();

    const member = { id: 'p1', name: 'Anna', side: 'sales' as const, online: true, submissions: 0, authored: [] };
    const room = {
      on: true as const,
      address: '192.168.1.5',
      url: 'http://192.168.1.5:8765',
      joinUrl: 'http://192.168.1.5:8765/j#k=abc',
      code: 'ACD479',
      joining: true,
    };
    useRoom.getState().setRoom({ ...room, participants: [] });
    await settle();
    expect(views.at(-1)?.join).toEqual({ joinUrl: room.joinUrl, url: room.url, code: 'ACD479', joined: 0 });

    useRoom.getState().setRoom({ ...room, participants: [member] });
    await settle();
    expect(views.at(-1)?.join?.joined).toBe(1);

    const calls = send.mock.calls.length;
    useRoom.getState().setRoom({ ...room, participants: [{ ...member, submissions: 1 }] });
    await settle();
    expect(send).toHaveBeenCalledTimes(calls);

    useRoom.getState().setShowJoin(false);
    await settle();
    expect(views.at(-1)?.join).toBeUndefined();
    useRoom.getState().setShowJoin(true);
    useRoom.getState().setRoom({ ...room, joining: false, participants: [member] });
    await settle();
    expect(views.at(-1)?.join).toBeUndefined();
    useRoom.getState().reset();
  });
});

// @vitest-environment happy-dom
/**
 * The Phones panel (renderer/src/room/PhonesPanel.tsx) in a DOM with a fake clock: the checklist for
 * phones that cannot connect shows a minute after switching on with nobody in, not before.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomState } from '../../../core/api';

vi.hoisted(() => {
  Object.assign(window, { nahtstelle: {} });
});

const { initI18n } = await import('../../../renderer/src/i18n');
const { PhonesPanel, checklistAfterMs } = await import('../../../renderer/src/room/PhonesPanel');
const { useRoom } = await import('../../../renderer/src/store/room-store');

const on = (participants: number): RoomState => ({
  on: true,
  address: '192.168.1.5',
  url: 'http://192.168.1.5:8765',
  joinUrl: 'http://192.168.1.5:8765/j#k=AAAAAAAAAAAAAAAAAAAAAA',
  code: 'ACD479',
  joining: true,
  participants: Array.from({ length: participants }, (_, i) => ({
    id: `p${i}`,
    name: '',
    side: 'other',
    online: true,
    submissions: 0,
    authored: [],
  })),
});

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  vi.useFakeTimers();
  useRoom.getState().reset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const checklist = () => screen.queryByRole('region', { name: 'No phone has joined yet? Check:' });

describe('the checklist when phones cannot connect', () => {
  it('shows 60 s after switching on while nobody joined, with the address to type', () => {
    act(() => useRoom.getState().setRoom(on(0)));
    render(createElement(PhonesPanel, { id: 'phones', onClose: () => undefined }));
    expect(screen.getByRole('img', { name: 'QR code to join with a phone' })).toBeTruthy();
    expect(screen.getByText('ACD 479')).toBeTruthy();
    act(() => vi.advanceTimersByTime(checklistAfterMs - 1_000));
    expect(checklist()).toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    expect(checklist()?.textContent).toContain('Type the address by hand in the phone’s browser: http://192.168.1.5:8765');
    expect(checklist()?.textContent).toContain('turn off mobile data');
    // A phone joins: the list has done its work.
    act(() => useRoom.getState().setRoom(on(1)));
    expect(checklist()).toBeNull();
    expect(screen.getByText('Anonymous')).toBeTruthy();
  });

  it('does not show when a phone joined within the minute', () => {
    act(() => useRoom.getState().setRoom(on(0)));
    render(createElement(PhonesPanel, { id: 'phones', onClose: () => undefined }));
    act(() => vi.advanceTimersByTime(10_000));
    act(() => useRoom.getState().setRoom(on(1)));
    act(() => vi.advanceTimersByTime(checklistAfterMs));
    expect(checklist()).toBeNull();
  });
});

// @vitest-environment happy-dom
/**
 * The Phones panel (renderer/src/room/PhonesPanel.tsx) in a DOM with a fake clock: the checklist for
 * phones that cannot connect shows a minute after switching on with nobody in, not before.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomState } from '../../../core/api';

const bridge = vi.hoisted(() => {
  const nahtstelle: Record<string, unknown> = {};
  Object.assign(window, { nahtstelle });
  return nahtstelle;
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
  useRoom.getState().reset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const checklist = () => screen.queryByRole('region', { name: 'No phone has joined yet? Check:' });

describe('the checklist when phones cannot connect', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
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

describe('switching the phones on', () => {
  const addresses = {
    addresses: [
      { name: 'Wi-Fi', address: '192.168.1.5', kind: 'network', virtual: false, likely: true },
      { name: 'vEthernet (WSL)', address: '172.20.0.1', kind: 'virtual', virtual: true, likely: false },
    ],
    preselected: '192.168.1.5',
  };

  it('offers the addresses (the likely one chosen, virtual ones marked), explains the firewall once, and says why a start failed', async () => {
    const startRoom = vi.fn(() => Promise.reject(new Error(JSON.stringify({ code: 'roomNotStarted', detail: 'EADDRNOTAVAIL' }))));
    Object.assign(bridge, { listRoomAddresses: () => Promise.resolve(addresses), startRoom });
    render(createElement(PhonesPanel, { id: 'phones', onClose: () => undefined }));
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Network the phones are on' });
    await waitFor(() => expect(select.value).toBe('192.168.1.5'));
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Wi-Fi · 192.168.1.5 (recommended)',
      'vEthernet (WSL) · 172.20.0.1 (virtual adapter: phones cannot reach it)',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Switch phones on' }));
    const dialog = screen.getByRole('dialog', { name: 'Your computer may ask about its firewall' });
    expect(dialog.textContent).toContain('Windows: allow access on “Private networks”.');
    expect(startRoom).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByRole('button', { name: 'Switch phones on' }).at(-1) as HTMLElement);
    expect(startRoom).toHaveBeenCalledWith('192.168.1.5');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The phones could not be switched on at this address.'));

    // The second time in this run, no explanation again.
    fireEvent.click(screen.getByRole('button', { name: 'Switch phones on' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(startRoom).toHaveBeenCalledTimes(2);
  });
});

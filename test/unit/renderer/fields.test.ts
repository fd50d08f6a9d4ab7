// @vitest-environment happy-dom
/**
 * The field family (ui/fields.tsx) and the dialog frame (ui/Dialog.tsx), rendered in a DOM: what
 * a facilitator notices is when a field saves, what Escape keeps and that undo shows in the field.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement, useState } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from '../../../core/model';
import { CardTitleEditor } from '../../../renderer/src/board/CardTitleEditor';
import { initI18n } from '../../../renderer/src/i18n';
import { DetailsDialog } from '../../../renderer/src/session/DetailsDialog';
import { useBoard } from '../../../renderer/src/store/board-store';
import { Dialog } from '../../../renderer/src/ui/Dialog';
import { CommitNumber, CommitText } from '../../../renderer/src/ui/fields';

beforeAll(async () => {
  await initI18n('en');
});
beforeEach(() => {
  useBoard
    .getState()
    .open({ path: '/sessions/fields.nahtstelle', session: createSession('s'), savedAt: '2027-03-04T09:00:00.000Z', fromBackup: false });
});
afterEach(cleanup);

const board = () => useBoard.getState().history.present;
const field = (name: string) => screen.getByRole<HTMLInputElement>('textbox', { name });

describe('a text field of the family', () => {
  it('saves once when it is left, not while typing', () => {
    const onCommit = vi.fn();
    render(createElement(CommitText, { label: 'Client', value: 'Acme', onCommit }));
    fireEvent.change(field('Client'), { target: { value: 'Acme AG' } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.blur(field('Client'));
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('Acme AG');
  });

  it('saves on Enter; a text area on Ctrl+Enter, Enter alone starts a line', () => {
    const onCommit = vi.fn();
    render(createElement(CommitText, { label: 'Client', value: '', onCommit }));
    fireEvent.change(field('Client'), { target: { value: 'Acme' } });
    fireEvent.keyDown(field('Client'), { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledExactlyOnceWith('Acme');
    cleanup();

    const onNotes = vi.fn();
    render(createElement(CommitText, { label: 'Notes', value: '', multiline: true, onCommit: onNotes }));
    fireEvent.change(field('Notes'), { target: { value: 'first' } });
    fireEvent.keyDown(field('Notes'), { key: 'Enter' });
    expect(onNotes).not.toHaveBeenCalled();
    fireEvent.keyDown(field('Notes'), { key: 'Enter', ctrlKey: true });
    expect(onNotes).toHaveBeenCalledExactlyOnceWith('first');
  });

  it('does not save a blank required value: the field shows the old one again', () => {
    const onCommit = vi.fn();
    render(createElement(CommitText, { label: 'Title', value: 'Lead time', required: true, onCommit }));
    fireEvent.change(field('Title'), { target: { value: '   ' } });
    fireEvent.blur(field('Title'));
    expect(onCommit).not.toHaveBeenCalled();
    expect(field('Title').value).toBe('Lead time');
  });

  it('shows what the document holds when it changes underneath (undo)', () => {
    function Bound() {
      const [value, setValue] = useState('before');
      return createElement(
        'div',
        null,
        createElement(CommitText, { label: 'Client', value, onCommit: setValue }),
        createElement('button', { onClick: () => setValue('before') }, 'Undo'),
      );
    }
    render(createElement(Bound));
    fireEvent.change(field('Client'), { target: { value: 'after' } });
    fireEvent.blur(field('Client'));
    expect(field('Client').value).toBe('after');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(field('Client').value).toBe('before');
  });
});

describe('a number field of the family', () => {
  it('clamps to its limits and gives a non-number back', () => {
    const onCommit = vi.fn();
    render(createElement(CommitNumber, { label: 'Minutes', value: 30, min: 5, max: 480, onCommit }));
    const minutes = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Minutes' });
    fireEvent.change(minutes, { target: { value: '900' } });
    fireEvent.keyDown(minutes, { key: 'Enter' });
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(480);
    fireEvent.change(minutes, { target: { value: '' } });
    fireEvent.blur(minutes);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(minutes.value).toBe('30');
  });
});

describe('an editor in place of what it edits (a card title)', () => {
  it('keeps the old title on Escape and saves the new one on Enter', () => {
    useBoard.getState().dispatch({ type: 'addCard', cardId: 'c1', laneId: 'marketing', title: 'Old title' });
    useBoard.getState().setEditing('c1');
    render(createElement(CardTitleEditor, { cardId: 'c1', title: 'Old title' }));
    const title = screen.getByRole<HTMLInputElement>('textbox');
    fireEvent.change(title, { target: { value: 'Typed, then dropped' } });
    fireEvent.keyDown(title, { key: 'Escape' });
    expect(board().cards.c1?.title).toBe('Old title');
    cleanup();

    useBoard.getState().setEditing('c1');
    render(createElement(CardTitleEditor, { cardId: 'c1', title: 'Old title' }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'New title' } });
    fireEvent.keyDown(screen.getByRole('textbox'), { key: 'Enter' });
    expect(board().cards.c1?.title).toBe('New title');
  });
});

describe('the session details', () => {
  it('follow undo in their fields and participant rows', () => {
    useBoard.getState().dispatch({ type: 'updateDetails', details: { participants: [{ id: 'p1', name: 'Ana', department: 'sales' }] } });
    render(createElement(DetailsDialog, { onClose: () => undefined }));
    const client = field('Client / company');
    fireEvent.change(client, { target: { value: 'Acme' } });
    fireEvent.blur(client);
    expect(board().details.client).toBe('Acme');
    const name = field('Name');
    fireEvent.change(name, { target: { value: 'Ana Lima' } });
    fireEvent.blur(name);
    expect(board().details.participants[0]?.name).toBe('Ana Lima');

    act(() => useBoard.getState().undo());
    expect(field('Name').value).toBe('Ana');
    act(() => useBoard.getState().undo());
    expect(field('Client / company').value).toBe('');
  });
});

describe('the dialog frame', () => {
  it('shows its title as heading and name, and its actions in the button row', () => {
    const onClose = vi.fn();
    const done = createElement('button', { type: 'button', onClick: onClose }, 'Done');
    render(createElement(Dialog, { title: 'Session details', onClose, actions: done, children: createElement('p', null, 'Body') }));
    const dialog = screen.getByRole('dialog', { name: 'Session details' });
    expect(screen.getByRole('heading', { name: 'Session details' })).toBeTruthy();
    const row = dialog.querySelector('.dialog-actions');
    expect(row?.textContent).toBe('Done');
    expect(dialog.textContent).toBe('Session detailsBodyDone');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('gives the focus back to what opened it when it closes', () => {
    const opener = document.createElement('button');
    opener.textContent = 'Open';
    document.body.append(opener);
    opener.focus();
    const { unmount } = render(createElement(Dialog, { title: 'Settings', onClose: () => undefined, children: 'x' }));
    screen.getByRole('dialog').querySelector('h2')?.setAttribute('tabindex', '-1');
    (screen.getByRole('dialog').querySelector('h2') as HTMLElement).focus();
    unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

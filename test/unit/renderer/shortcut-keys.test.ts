import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, matchesChord, shortcutSpecs, type ShortcutSpec } from '../../../renderer/src/ui/shortcut-keys';

const press = (key: string, modifiers: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
  altKey: modifiers.alt ?? false,
});

/** The ids whose keys match a key press, in the registry's order of precedence. */
const matching = (event: ReturnType<typeof press>) =>
  (shortcutSpecs as readonly ShortcutSpec[]).filter((spec) => spec.keys.some((chord) => matchesChord(event, chord))).map((spec) => spec.id);

describe('the shortcut registry', () => {
  it('gives every shortcut a unique id and at least one key', () => {
    const ids = shortcutSpecs.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of shortcutSpecs) expect(spec.keys.length).toBeGreaterThan(0);
  });

  it('matches letters in either case, but not with Ctrl, Alt or Shift added', () => {
    expect(matching(press('n'))).toEqual(['newCard']);
    expect(matching(press('N', { shift: true }))).toEqual([]);
    expect(matching(press('n', { ctrl: true }))).toEqual([]);
    expect(matching(press('s'))).toEqual(['spotlight']);
    expect(matching(press('l', { alt: true }))).toEqual([]);
  });

  it('takes Ctrl or ⌘ as the primary modifier, and Shift where the chord says so', () => {
    expect(matching(press('z', { ctrl: true }))).toEqual(['undo']);
    expect(matching(press('z', { meta: true }))).toEqual(['undo']);
    expect(matching(press('Z', { ctrl: true, shift: true }))).toEqual(['redo']);
    expect(matching(press('y', { ctrl: true }))).toEqual(['redo']);
    expect(matching(press('F5'))).toEqual(['presentation']);
    expect(matching(press('F5', { shift: true }))).toEqual(['audienceWindow']);
  });

  it('ignores Shift for punctuation, which some layouts need it for (? is Shift+ß in German, + is Shift+= in US)', () => {
    expect(matching(press('?', { shift: true }))).toEqual(['cheatSheet']);
    expect(matching(press('?'))).toEqual(['cheatSheet']);
    expect(matching(press('+', { shift: true }))).toEqual(['voteAdd']);
    // The window's zoom first; it gives way to the board's zoom in presentation mode (shortcuts.ts).
    expect(matching(press('+', { ctrl: true, shift: true }))).toEqual(['windowZoomIn', 'zoomIn']);
    expect(matching(press('=', { ctrl: true }))).toEqual(['windowZoomIn', 'zoomIn']);
  });

  it('puts the spotlight first: its arrows and Escape win over the card and the presentation', () => {
    expect(matching(press('ArrowRight'))).toEqual(['spotlightNext', 'focusCard', 'carryCard']);
    expect(matching(press('Escape'))).toEqual(['spotlightClose', 'skipMoveReason', 'cancelDrag', 'leavePresentation']);
    expect(matching(press('ArrowLeft', { alt: true }))).toEqual(['moveCard']);
  });

  it('names keys for aria-keyshortcuts as WAI-ARIA spells them', () => {
    expect(ariaKeyShortcuts('redo')).toBe('Control+Shift+Z Control+Y');
    expect(ariaKeyShortcuts('zoomIn')).toBe('Control+Plus Control+=');
    expect(ariaKeyShortcuts('pickUpCard')).toBe('Space');
    expect(ariaKeyShortcuts('moveCard')).toBe('Alt+ArrowLeft Alt+ArrowRight Alt+ArrowUp Alt+ArrowDown');
  });
});

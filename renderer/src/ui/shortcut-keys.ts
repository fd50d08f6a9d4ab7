/** The registry of keyboard shortcuts: every key the app answers to, once, as plain data. docs/ARCHITECTURE.md, "Layers and arrows". */
import type { en as presentText } from '../i18n/features/present';

/** One key combination. `primary` is Ctrl, or ⌘ on a Mac. */
export interface Chord {
  /** A KeyboardEvent.key: a character ('n', '?', '+') or a named key ('F5', 'ArrowLeft', ' '). */
  readonly key: string;
  readonly primary?: true;
  readonly shift?: true;
  readonly alt?: true;
}

/** Where a shortcut applies; also the cheat sheet's sections, in this order. */
export const shortcutScopes = ['board', 'card', 'drag', 'presentation', 'spotlight'] as const;
export type ShortcutScope = (typeof shortcutScopes)[number];

export interface ShortcutSpec {
  readonly id: string;
  readonly scope: ShortcutScope;
  readonly keys: readonly Chord[];
  /** Also while the focus is in a text field (where most keys belong to the text). */
  readonly whileTyping?: true;
  /** Also from inside a dialog. */
  readonly inDialogs?: true;
}

const key = (k: string, modifiers: Omit<Chord, 'key'> = {}): Chord => ({ key: k, ...modifiers });
const primary = { primary: true } as const;
const arrows = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].map((k) => key(k));

/**
 * In order of precedence: the first entry whose key matches and that applies now wins (the
 * spotlight's arrows before the card's, Escape for the spotlight before leaving presentation).
 */
export const shortcutSpecs = [
  // While a card is spotlighted
  { id: 'spotlightNext', scope: 'spotlight', keys: [key('ArrowRight'), key('ArrowDown')] },
  { id: 'spotlightPrevious', scope: 'spotlight', keys: [key('ArrowLeft'), key('ArrowUp')] },
  { id: 'spotlightClose', scope: 'spotlight', keys: [key('Escape')] },

  // The board
  { id: 'newCard', scope: 'board', keys: [key('n')] },
  { id: 'undo', scope: 'board', keys: [key('z', primary)], inDialogs: true },
  { id: 'redo', scope: 'board', keys: [key('z', { primary: true, shift: true }), key('y', primary)], inDialogs: true },
  { id: 'find', scope: 'board', keys: [key('f', primary)], whileTyping: true },
  // F3 goes to the next card Find matches (as in most apps); without a filter it is left alone.
  { id: 'nextMatch', scope: 'board', keys: [key('F3')], whileTyping: true },
  // Presenter remotes send PageDown/PageUp: they step through the agenda like slides.
  { id: 'nextBlock', scope: 'board', keys: [key('PageDown')] },
  { id: 'previousBlock', scope: 'board', keys: [key('PageUp')] },
  { id: 'timer', scope: 'board', keys: [key('t')] },
  { id: 'spotlight', scope: 'board', keys: [key('s')] },
  { id: 'presentation', scope: 'board', keys: [key('F5')] },
  { id: 'audienceWindow', scope: 'board', keys: [key('F5', { shift: true })] },
  { id: 'cheatSheet', scope: 'board', keys: [key('?')] },
  // The caricatures and metrics blocks show their own view; the lanes of topics stay one key away.
  { id: 'toggleTopics', scope: 'board', keys: [key('v')] },
  // The control window's zoom, as in every desktop app; in presentation mode the same keys zoom the board.
  { id: 'windowZoomIn', scope: 'board', keys: [key('+', primary), key('=', primary)], inDialogs: true },
  { id: 'windowZoomOut', scope: 'board', keys: [key('-', primary)], inDialogs: true },
  { id: 'windowZoomReset', scope: 'board', keys: [key('0', primary)], inDialogs: true },

  // The focused card
  { id: 'focusCard', scope: 'card', keys: arrows },
  { id: 'moveCard', scope: 'card', keys: arrows.map((chord) => ({ ...chord, alt: true }) as const) },
  { id: 'editCard', scope: 'card', keys: [key('Enter'), key('F2')] },
  { id: 'cardDetails', scope: 'card', keys: [key('i')] },
  { id: 'cycleLead', scope: 'card', keys: [key('l')] },
  { id: 'deleteCard', scope: 'card', keys: [key('Delete'), key('Backspace')] },
  { id: 'voteAdd', scope: 'card', keys: [key('+')] },
  { id: 'voteRemove', scope: 'card', keys: [key('-')] },
  // After a move to another lane the board asks why; Escape skips it, also before the field has the focus.
  { id: 'skipMoveReason', scope: 'card', keys: [key('Escape')] },

  // Carrying a card (the drag sensor's keys, board/sensors.ts)
  { id: 'pickUpCard', scope: 'drag', keys: [key(' ')] },
  { id: 'carryCard', scope: 'drag', keys: arrows },
  { id: 'dropCard', scope: 'drag', keys: [key(' '), key('Enter')] },
  { id: 'cancelDrag', scope: 'drag', keys: [key('Escape')] },

  // Presentation mode
  { id: 'zoomIn', scope: 'presentation', keys: [key('+', primary), key('=', primary)] },
  { id: 'zoomOut', scope: 'presentation', keys: [key('-', primary)] },
  { id: 'zoomFit', scope: 'presentation', keys: [key('0', primary)] },
  { id: 'blockBanner', scope: 'presentation', keys: [key('b')] },
  { id: 'leavePresentation', scope: 'presentation', keys: [key('Escape')] },
] as const satisfies readonly ShortcutSpec[];

export type ShortcutId = (typeof shortcutSpecs)[number]['id'];
/** Every shortcut of the registry has its line in the cheat sheet: this fails to compile when one lacks it. */
export type EveryShortcutDescribed = MustBeNever<Exclude<ShortcutId, keyof (typeof presentText)['shortcuts']>>;
type MustBeNever<T extends never> = T;
/** The shortcuts the drag sensor handles itself; the dispatcher leaves their keys alone. */
export type SensorShortcutId = Extract<(typeof shortcutSpecs)[number], { scope: 'drag' }>['id'];

export function shortcutSpec(id: ShortcutId): ShortcutSpec {
  const spec = (shortcutSpecs as readonly ShortcutSpec[]).find((s) => s.id === id);
  if (!spec) throw new Error(`No shortcut ${id}`);
  return spec;
}

/**
 * Whether a key press is this chord. Ctrl/⌘ and Alt must match exactly. For letters and named keys
 * Shift must match too; for other characters it is ignored, since the layout decides whether a
 * character needs it ('?' is Shift+ß on a German keyboard, '+' needs Shift on a US one).
 */
export function matchesChord(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, chord: Chord): boolean {
  if ((event.ctrlKey || event.metaKey) !== (chord.primary ?? false) || event.altKey !== (chord.alt ?? false)) return false;
  const character = chord.key.length === 1 && chord.key !== ' ';
  if (character && !/\p{L}/u.test(chord.key)) return event.key === chord.key;
  if (event.shiftKey !== (chord.shift ?? false)) return false;
  return character ? event.key.toLowerCase() === chord.key : event.key === chord.key;
}

/** The value of an `aria-keyshortcuts` attribute for a shortcut (WAI-ARIA key names). */
export function ariaKeyShortcuts(id: ShortcutId): string {
  return shortcutSpec(id)
    .keys.map((chord) => {
      const parts: string[] = [];
      if (chord.primary) parts.push('Control');
      if (chord.alt) parts.push('Alt');
      if (chord.shift) parts.push('Shift');
      parts.push(chord.key === ' ' ? 'Space' : chord.key === '+' ? 'Plus' : chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
      return parts.join('+');
    })
    .join(' ');
}

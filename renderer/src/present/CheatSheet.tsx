import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { shortcutScopes, shortcutSpecs, type Chord, type ShortcutId, type ShortcutScope, type ShortcutSpec } from '../ui/shortcut-keys';
import { usePresentation } from '../store/presentation-store';

type Translate = ReturnType<typeof useTranslation>['t'];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The keyboard cheat sheet (`?`): every entry of the shortcut registry, by where it applies, in
 * the UI language. Generated from the registry, so it cannot list a key the app does not know.
 */
export function CheatSheet() {
  const { t } = useTranslation();
  const open = usePresentation((s) => s.cheatSheetOpen);
  if (!open) return null;
  const close = () => usePresentation.getState().setCheatSheetOpen(false);
  return (
    <Dialog
      title={t('present.cheatSheet.heading')}
      onClose={close}
      className="cheat-sheet"
      startAtTop
      plain
      actions={
        <button type="button" className="tool-button tool-button--primary" onClick={close}>
          {t('present.cheatSheet.close')}
        </button>
      }
    >
      <p className="cheat-sheet-hint">{t('present.cheatSheet.hint')}</p>
      <div className="cheat-sheet-scopes">
        {shortcutScopes.map((scope) => (
          <ScopeSection key={scope} scope={scope} t={t} />
        ))}
      </div>
    </Dialog>
  );
}

function ScopeSection({ scope, t }: { scope: ShortcutScope; t: Translate }) {
  const specs = (shortcutSpecs as readonly ShortcutSpec[]).filter((spec) => spec.scope === scope);
  const headingId = `cheat-sheet-${scope}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`present.cheatSheet.scopes.${scope}`)}</h3>
      <table className="cheat-sheet-table" data-scope={scope}>
        <tbody>
          {specs.map((spec) => (
            <tr key={spec.id} data-shortcut={spec.id}>
              <th scope="row">{t(`present.shortcuts.${spec.id as ShortcutId}`)}</th>
              <td>
                {spec.keys.map((chord, index) => (
                  <span key={index} className="cheat-sheet-chord">
                    {index > 0 && <span className="cheat-sheet-or"> {t('present.cheatSheet.or')} </span>}
                    <ChordKeys chord={chord} t={t} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ChordKeys({ chord, t }: { chord: Chord; t: Translate }) {
  const parts = [
    ...(chord.primary ? [isMac ? t('present.keys.primaryMac') : t('present.keys.primary')] : []),
    ...(chord.alt ? [isMac ? t('present.keys.altMac') : t('present.keys.alt')] : []),
    ...(chord.shift ? [t('present.keys.shift')] : []),
    keyName(chord.key, t),
  ];
  return (
    <kbd className="chord">
      {parts.map((part, index) => (
        <kbd key={index}>{part}</kbd>
      ))}
    </kbd>
  );
}

const namedKeys = ['Enter', 'Escape', 'Delete', 'Backspace', 'PageUp', 'PageDown', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;

/** A key as printed on the keyboard in the UI language: "Entf", "Esc", "←", "N". */
export function keyName(key: string, t: Translate): string {
  if (key === ' ') return t('present.keys.space');
  const named = namedKeys.find((name) => name === key);
  if (named) return t(`present.keys.${named}`);
  return key.length === 1 ? key.toUpperCase() : key;
}

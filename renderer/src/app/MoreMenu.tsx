/**
 * The header's overflow menu ("More"): the less-used commands, so the header stays one row on a
 * 1280×720 laptop. WAI-ARIA menu button pattern (docs/ARCHITECTURE.md, "The control window").
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreIcon } from '../ui/icons';

export interface MoreMenuItem {
  readonly label: string;
  readonly onSelect: () => void;
}

/**
 * A button that opens a list of commands: Enter, Space or ArrowDown open it on the first item,
 * ArrowUp on the last; the arrows, Home and End move; Enter or Space runs an item; Escape and Tab
 * close it, Escape with the focus back on the button.
 */
export function MoreMenu({ items }: { items: readonly MoreMenuItem[] }) {
  const { t } = useTranslation();
  const menuId = useId();
  const buttonId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    // A click anywhere else closes the menu, as in every desktop app.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const openAt = (index: number) => {
    setActive((index + items.length) % items.length);
    setOpen(true);
  };
  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };
  const choose = (item: MoreMenuItem) => {
    close(true);
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : -1);
    }
  };
  const onMenuKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: items.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(((moves[event.key] ?? 0) + items.length) % items.length);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div className="more-menu">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <MoreIcon />
        <span className="tool-label">{t('layout.more')}</span>
      </button>
      {open && (
        <ul ref={menu} id={menuId} className="more-menu-list" role="menu" aria-labelledby={buttonId} onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" className="more-menu-item" tabIndex={index === active ? 0 : -1} onClick={() => choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

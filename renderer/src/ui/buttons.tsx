/** Buttons the app uses in many places: one a key also presses, one that shows and hides a region. docs/ARCHITECTURE.md, "Dialogs and messages". */
import type { ComponentProps } from 'react';
import { ariaKeyShortcuts, type ShortcutId } from './shortcut-keys';

type ButtonProps = Omit<ComponentProps<'button'>, 'type'>;

/** A button that a key does too: the key is announced with its name (aria-keyshortcuts). */
export function KeyButton({ shortcut, className = 'tool-button', ...props }: ButtonProps & { shortcut: ShortcutId }) {
  return <button type="button" className={className} aria-keyshortcuts={ariaKeyShortcuts(shortcut)} {...props} />;
}

/** A button that shows and hides a region: whether it is open, and the region while it is there. */
export function DisclosureButton({
  expanded,
  controls,
  className = 'tool-button',
  ...props
}: Omit<ButtonProps, 'aria-expanded' | 'aria-controls'> & { expanded: boolean; controls: string }) {
  return <button type="button" className={className} aria-expanded={expanded} aria-controls={expanded ? controls : undefined} {...props} />;
}

/** UI text of the audience window and its controls; wired into en.ts and de.ts under `audience`. */
export const en = {
  window: 'Audience window',
  /** After opening with no second display attached (role=status next to the button). */
  openedHere: 'No second display found: the audience window opened on this screen. Drag it onto the projector.',
  /** The audience window's own title (window title bar, task bar). */
  documentTitle: 'Nahtstelle – audience window',
  /** Until the control window sends the first view. */
  waiting: 'Waiting for the control window…',
  block: 'Current block',
  spotlight: 'Spotlight',
};

export const de: typeof en = {
  window: 'Publikumsfenster',
  openedHere: 'Kein zweiter Bildschirm gefunden: Das Publikumsfenster ist auf diesem Bildschirm geöffnet. Ziehen Sie es auf den Beamer.',
  documentTitle: 'Nahtstelle – Publikumsfenster',
  waiting: 'Warte auf das Steuerfenster …',
  block: 'Aktueller Block',
  spotlight: 'Scheinwerfer',
};

/** UI text of the audience window and its controls; wired into en.ts and de.ts under `audience`. */
export const en = {
  window: 'Audience window',
  /** After opening with no second display attached (role=status next to the button). */
  openedHere:
    'No second display found, so the audience window opened on this screen. Connect the projector as an extended display: the window moves onto it, full screen, by itself.',
  /** The audience window's own title (window title bar, task bar). */
  documentTitle: 'Nahtstelle – audience window',
  /** Until the control window sends the first view. */
  waiting: 'Waiting for the control window…',
  block: 'Current block',
  spotlight: 'Spotlight',
};

export const de: typeof en = {
  window: 'Publikumsfenster',
  openedHere:
    'Kein zweiter Bildschirm gefunden, daher ist das Publikumsfenster auf diesem Bildschirm geöffnet. Schließen Sie den Beamer als erweiterten Bildschirm an: Das Fenster wechselt von selbst dorthin, im Vollbild.',
  documentTitle: 'Nahtstelle – Publikumsfenster',
  waiting: 'Warte auf das Steuerfenster …',
  block: 'Aktueller Block',
  spotlight: 'Scheinwerfer',
};

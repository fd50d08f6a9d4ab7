/** UI text of the audience window and its controls; wired into en.ts and de.ts under `audience`. */
export const en = {
  window: 'Audience window',
};

export const de: typeof en = {
  window: 'Publikumsfenster',
};

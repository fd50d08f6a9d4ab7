/** UI text of presentation mode, spotlight and the shortcut cheat sheet; wired in under `present`. */
export const en = {
  presentation: 'Presentation',
};

export const de: typeof en = {
  presentation: 'Präsentation',
};

/** UI text of the cards feature, English and German; wired into en.ts and de.ts under `cards`. */
export const en = {
  label: 'cards',
};

export const de: typeof en = {
  label: 'cards',
};

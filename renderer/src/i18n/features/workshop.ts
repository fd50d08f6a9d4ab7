/** UI text of the workshop feature, English and German; wired into en.ts and de.ts under `workshop`. */
export const en = {
  label: 'workshop',
};

export const de: typeof en = {
  label: 'workshop',
};

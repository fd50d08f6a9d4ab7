/** UI text of the tools feature, English and German; wired into en.ts and de.ts under `tools`. */
export const en = {
  label: 'tools',
};

export const de: typeof en = {
  label: 'tools',
};

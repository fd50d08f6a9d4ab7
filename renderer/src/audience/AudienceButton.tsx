// Being built (issue #5): the toolbar button that opens and closes the audience window.
export function AudienceButton() {
  return null;
}

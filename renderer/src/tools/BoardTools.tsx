/** Find, dot voting and lane tools, between the workshop panel and the board. */
export function BoardTools() {
  return null;
}

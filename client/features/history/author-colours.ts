/**
 * Colours for the authorship view: a fixed set of light backgrounds, each dark text
 * on it passing contrast, given to people in the order they are listed; the names
 * are always in the legend and the passage's title, never colour alone.
 */
const COLOURS = 8;

export function authorClass(authors: readonly string[], id: string | null): string {
  const index = id === null ? -1 : authors.indexOf(id);
  return index === -1
    ? 'app-author app-author--unknown'
    : `app-author app-author--${index % COLOURS}`;
}
